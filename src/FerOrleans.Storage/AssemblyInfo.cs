using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("FerOrleans.Storage.Tests")]
