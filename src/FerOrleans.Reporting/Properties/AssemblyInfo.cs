using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("FerOrleans.Reporting.Tests")]
