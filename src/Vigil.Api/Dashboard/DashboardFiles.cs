using Microsoft.Extensions.FileProviders;

namespace Vigil.Api.Dashboard;

/// <summary>The dashboard's files (wwwroot), embedded in the assembly so a published or installed binary needs no folder beside it.</summary>
internal static class DashboardFiles
{
    public static IFileProvider Provider { get; } = new EmbeddedFileProvider(typeof(DashboardFiles).Assembly, "Vigil.Api.wwwroot");

    public static WebApplication UseDashboard(this WebApplication app)
    {
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = Provider });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = Provider });
        return app;
    }
}
