using Azure;

namespace FerOrleans.Storage.Tests;

public sealed class StorageRetryTests
{
    private static readonly StorageRetryOptions Fast = new()
    {
        MaxRetries = 3,
        FirstDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(4),
    };

    [Theory]
    [InlineData(0, true)]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(412, false)]
    public void IsTransient_RequestFailedStatus_MatchesRetryableSet(int status, bool transient)
    {
        Assert.Equal(transient, new RequestFailedException(status, "failed").IsTransient());
    }

    [Fact]
    public void IsTransient_OtherErrors_SeparatesOutagesFromBugs()
    {
        Assert.True(new HttpRequestException("connection refused").IsTransient());
        Assert.True(new AggregateException(new RequestFailedException(0, "a"), new HttpRequestException("b")).IsTransient());
        Assert.True(new IOException("disk busy").IsTransient());
        Assert.False(new AggregateException(new RequestFailedException(0, "a"), new ArgumentException("b")).IsTransient());
        Assert.False(new FileNotFoundException("gone").IsTransient());
        Assert.False(new StorageConflictException("k", "e1", "e2").IsTransient());
        Assert.False(new InvalidDataException("corrupt").IsTransient());
    }

    [Fact]
    public void DelayBefore_Retries_DoublesUpToMax()
    {
        var options = new StorageRetryOptions { FirstDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(5) };

        Assert.Equal(TimeSpan.FromSeconds(1), options.DelayBefore(1));
        Assert.Equal(TimeSpan.FromSeconds(2), options.DelayBefore(2));
        Assert.Equal(TimeSpan.FromSeconds(4), options.DelayBefore(3));
        Assert.Equal(TimeSpan.FromSeconds(5), options.DelayBefore(4));
        Assert.Equal(TimeSpan.FromSeconds(5), options.DelayBefore(40));
    }

    [Fact]
    public async Task RunAsync_TransientThenSuccess_RetriesAndReturns()
    {
        var calls = 0;
        var retries = new List<int>();

        var result = await StorageRetry.RunAsync(
            _ => ++calls < 3 ? throw new RequestFailedException(503, "busy") : Task.FromResult(42),
            "test",
            Fast,
            (_, retry, _) => retries.Add(retry));

        Assert.Equal(42, result);
        Assert.Equal(3, calls);
        Assert.Equal([1, 2], retries);
    }

    [Fact]
    public async Task RunAsync_AlwaysTransient_ThrowsUnavailableAfterBudget()
    {
        var calls = 0;

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => StorageRetry.RunAsync<int>(
            _ => { calls++; throw new HttpRequestException("connection refused\nheaders"); },
            "writing blob 'a/b.bin'",
            Fast));

        Assert.Equal(Fast.MaxRetries + 1, calls);
        Assert.Equal(Fast.MaxRetries + 1, error.Attempts);
        Assert.Contains("writing blob 'a/b.bin'", error.Message);
        Assert.Contains("HttpRequestException: connection refused", error.Message);
        Assert.DoesNotContain("headers", error.Message);
    }

    [Fact]
    public async Task RunAsync_PermanentError_ThrowsItWithoutRetry()
    {
        var calls = 0;

        await Assert.ThrowsAsync<StorageConflictException>(() => StorageRetry.RunAsync<int>(
            _ => { calls++; throw new StorageConflictException("k", null, "e"); },
            "test",
            Fast));

        Assert.Equal(1, calls);
    }

    [Fact]
    public void Validate_NegativeRetries_NamesField()
    {
        var error = Assert.Throws<ArgumentException>(() => new StorageRetryOptions { MaxRetries = -1 }.Validate());

        Assert.Contains("MaxRetries", error.Message);
    }
}
