using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.WindowsServices;

namespace Vigil.Cli.Commands.Forward;

/// <summary>
/// Runs a verb's body under the Windows service control manager when started as a service (it must answer the SCM, or
/// Windows kills it): a service stop cancels the body, and the body's end stops the service. Elsewhere the body runs as is.
/// </summary>
internal static class WindowsServiceHosting
{
    public static async Task<int> RunAsync(string serviceName, CancellationToken stopping, Func<CancellationToken, Task<int>> body)
    {
        if (!WindowsServiceHelpers.IsWindowsService())
        {
            return await body(stopping).ConfigureAwait(false);
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddWindowsService(o => o.ServiceName = serviceName);
        using var host = builder.Build();
        await host.StartAsync(stopping).ConfigureAwait(false);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        try
        {
            return await body(linked.Token).ConfigureAwait(false);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
