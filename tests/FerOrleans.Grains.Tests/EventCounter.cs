using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FerOrleans.Grains.Tests;

/// <summary>A logger provider that counts log events by event id, for one silo.</summary>
public sealed class EventCounter : ILoggerProvider
{
    private readonly ConcurrentDictionary<int, int> _counts = new();
    private readonly ConcurrentQueue<string> _warnings = new();

    /// <summary>The first warnings and errors, with their exceptions, for failure messages.</summary>
    public IEnumerable<string> Warnings => _warnings;

    /// <summary>Counts of every event id seen, as "id:count" pairs.</summary>
    public string Summary() => string.Join(" ", _counts.OrderBy(p => p.Key).Select(p => $"{p.Key}:{p.Value}"));

    public int Count(LogEvent id) => _counts.GetValueOrDefault((int)id);

    public ILogger CreateLogger(string categoryName) => new Counting(this);

    public void Dispose()
    {
    }

    private sealed class Counting(EventCounter owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner._counts.AddOrUpdate(eventId.Id, 1, (_, count) => count + 1);
            if (logLevel >= LogLevel.Warning && owner._warnings.Count < 50 && eventId.Id is not (100405 or 102939 or 100150))
            {
                owner._warnings.Enqueue($"{logLevel} {eventId.Id}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
