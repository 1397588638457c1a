using System.Text;

namespace FerOrleans.Storage;

/// <summary>
/// Cross-process write locks for the local folder store: one lock file per stripe of keys, opened with
/// <see cref="FileShare.None"/>. The operating system releases the lock when its holder exits or crashes, so a
/// lock is never left stale. Lock files are never deleted, because deleting one while a writer waits on it
/// would let two writers lock different files of the same name.
/// </summary>
internal sealed class LocalKeyLocks
{
    /// <summary>
    /// The number of lock files. Writers of different keys in the same stripe wait for each other.
    /// </summary>
    public const int StripeCount = 64;

    /// <summary>How long a writer waits for a lock before it gives up.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMilliseconds(50);

    private readonly string _folder;

    public LocalKeyLocks(string folder)
    {
        _folder = folder;
    }

    /// <summary>
    /// Waits until this caller holds the lock for <paramref name="key"/>. Dispose the result to release it.
    /// </summary>
    /// <exception cref="TimeoutException">
    /// Another writer held the lock for longer than <see cref="Timeout"/>.
    /// </exception>
    public async Task<IDisposable> AcquireAsync(string key, CancellationToken ct)
    {
        Directory.CreateDirectory(_folder);
        string path = Path.Combine(_folder, $"{Stripe(key):D2}.lock");
        DateTime deadline = DateTime.UtcNow + Timeout;
        TimeSpan delay = FirstRetryDelay;

        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (ex.IsSharingViolation() && DateTime.UtcNow < deadline)
            {
                // Jitter keeps waiting writers from retrying in lockstep.
                await Task.Delay(delay + TimeSpan.FromTicks(Random.Shared.NextInt64(delay.Ticks)), ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
            catch (IOException ex) when (ex.IsSharingViolation())
            {
                throw new TimeoutException(
                    $"Timed out after {Timeout.TotalSeconds:F0} s waiting for the lock file '{path}' to write " +
                    $"blob '{key}'. Another process holds it: stop the process that writes to this folder.", ex);
            }
        }
    }

    /// <summary>
    /// Maps a key to its stripe with FNV-1a, which, unlike string.GetHashCode, is the same in every process.
    /// </summary>
    private static int Stripe(string key)
    {
        const uint offsetBasis = 2166136261;
        const uint prime = 16777619;

        uint hash = offsetBasis;
        foreach (byte b in Encoding.ASCII.GetBytes(key))
        {
            hash = (hash ^ b) * prime;
        }

        return (int)(hash % StripeCount);
    }
}
