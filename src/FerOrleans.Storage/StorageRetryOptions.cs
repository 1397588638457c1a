namespace FerOrleans.Storage;

/// <summary>
/// How often and how long a store operation is retried after a transient error (no response, timeout, 408, 429, 500,
/// 502, 503, 504). The Azure SDK applies it to each request; <see cref="StorageRetry"/> applies it once more around whole
/// operations whose loss would cost training time, such as checkpoint writes.
/// </summary>
public sealed record StorageRetryOptions
{
    /// <summary>Retries after the first try; 0 tries once.</summary>
    public int MaxRetries { get; init; } = AzureBlobStore.MaxRetries;

    /// <summary>The delay before the first retry; each further retry doubles it, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan FirstDelay { get; init; } = AzureBlobStore.FirstRetryDelay;

    /// <summary>The longest delay between two retries.</summary>
    public TimeSpan MaxDelay { get; init; } = AzureBlobStore.MaxRetryDelay;

    /// <summary>The delay before retry <paramref name="retry"/> (1-based), without jitter.</summary>
    public TimeSpan DelayBefore(int retry)
    {
        var factor = Math.Pow(2, Math.Clamp(retry - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(FirstDelay.Ticks * factor, MaxDelay.Ticks));
    }

    /// <summary>Checks that the counts and delays are usable.</summary>
    /// <exception cref="ArgumentException">A value is negative or the delays are out of order; the message names it.</exception>
    public void Validate()
    {
        if (MaxRetries < 0)
        {
            throw new ArgumentException($"StorageRetryOptions.MaxRetries is {MaxRetries}; it must be 0 or more.");
        }

        if (FirstDelay < TimeSpan.Zero || MaxDelay < FirstDelay)
        {
            throw new ArgumentException(
                $"StorageRetryOptions.FirstDelay ({FirstDelay}) and MaxDelay ({MaxDelay}) must satisfy 0 <= first <= max.");
        }
    }
}
