namespace FerOrleans.Storage;

/// <summary>
/// The exception thrown when a store operation still failed with a transient error after every retry of its
/// <see cref="StorageRetryOptions"/>. Nothing was changed by the failed try, or the change is complete.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Creates the exception for <paramref name="operation"/> after <paramref name="attempts"/> tries.</summary>
    public StorageUnavailableException(string operation, int attempts, TimeSpan elapsed, Exception innerException)
        : base(
            $"The store was unreachable for {operation}: {attempts} tries over {elapsed.TotalSeconds:F1} s failed, " +
            $"the last with {innerException.GetType().Name}: {FirstLine(innerException.Message)}",
            innerException)
    {
        Operation = operation;
        Attempts = attempts;
    }

    /// <summary>What was being done, such as "writing blob 'runs/a/checkpoint-000003.bin'".</summary>
    public string Operation { get; }

    /// <summary>How many times the operation was tried.</summary>
    public int Attempts { get; }

    /// <summary>The first line only: Azure's messages continue with request headers, which add nothing here.</summary>
    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
