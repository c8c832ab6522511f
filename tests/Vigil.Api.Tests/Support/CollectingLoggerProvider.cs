using Microsoft.Extensions.Logging;

namespace Vigil.Api.Tests.Support;

/// <summary>Hands one <see cref="CollectingLogger"/> to every category, to check what serve logs (and what it never does).</summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    public CollectingLogger Logger { get; } = new();

    public IReadOnlyList<CollectingLogger.Entry> Entries => Logger.Entries;

    public ILogger CreateLogger(string categoryName) => Logger;

    public void Dispose()
    {
    }
}
