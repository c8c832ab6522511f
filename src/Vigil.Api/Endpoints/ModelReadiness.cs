using Vigil.Core.Models;
using Vigil.Pipeline;

namespace Vigil.Api.Endpoints;

/// <summary>
/// Whether a readable model is in place, for <c>/health/ready</c>. Probes call it every few seconds and need no key, so
/// the model file is parsed only when it changes (its write time or length differ from the last check), not per call.
/// </summary>
internal sealed class ModelReadiness
{
    private readonly Lock _gate = new();
    private (DateTime Written, long Length, bool Loaded)? _last;

    public async Task<bool> IsLoadedAsync(VigilContext context, CancellationToken cancellationToken)
    {
        var file = new FileInfo(context.Models.Path);
        if (!file.Exists)
        {
            return false;
        }

        var (written, length) = (file.LastWriteTimeUtc, file.Length);
        lock (_gate)
        {
            if (_last is { } last && last.Written == written && last.Length == length)
            {
                return last.Loaded;
            }
        }

        bool loaded;
        try
        {
            loaded = await context.Models.LoadAsync(cancellationToken).ConfigureAwait(false) is not null;
        }
        catch (Exception ex) when (ex is ModelFormatException or IOException or UnauthorizedAccessException)
        {
            loaded = false;
        }

        lock (_gate)
        {
            _last = (written, length, loaded);
        }

        return loaded;
    }
}
