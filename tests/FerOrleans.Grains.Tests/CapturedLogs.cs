using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FerOrleans.Grains.Tests;

/// <summary>A logger provider that keeps every message, with its event id and exception, for assertions.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    /// <summary>Every message and exception as one text, to search for things that must never be logged.</summary>
    public string AllText => string.Join(Environment.NewLine, _entries.Select(e => $"{e.Message} {e.Exception}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    /// <summary>One captured message.</summary>
    public sealed record Entry(int EventId, LogLevel Level, string Message, string? Exception);

    private sealed class Logger(CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._entries.Enqueue(new Entry(eventId.Id, logLevel, formatter(state, exception), exception?.ToString()));
    }
}
