using System.Net.Sockets;
using Azure;

namespace FerOrleans.Storage;

/// <summary>Named predicates for store errors that a later try of the same operation may not repeat.</summary>
public static class TransientStorageErrors
{
    private static readonly int[] TransientStatuses = [408, 429, 500, 502, 503, 504];

    /// <summary>
    /// Checks whether <paramref name="exception"/> means the store was unreachable or overloaded: no response
    /// (status 0), 408, 429 or a 5xx from Azure, a socket or HTTP failure, a timeout, or an I/O error of the local
    /// folder other than a missing file. An <see cref="AggregateException"/>, which the Azure SDK throws once its own
    /// retries are spent, is transient when all its inner exceptions are.
    /// </summary>
    public static bool IsTransient(this Exception exception) => exception switch
    {
        StorageConflictException => false,
        RequestFailedException failed => failed.Status == 0 || TransientStatuses.Contains(failed.Status),
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsTransient),
        HttpRequestException or SocketException or TimeoutException => true,
        FileNotFoundException or DirectoryNotFoundException or PathTooLongException => false,
        IOException => true,
        _ => false,
    };
}
