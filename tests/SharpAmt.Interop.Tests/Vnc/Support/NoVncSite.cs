using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Xunit;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// A static web server (Kestrel) on loopback serving the test project's NoVnc folder: noVNC as <c>npm ci</c> installed
/// it from the committed package-lock.json, and viewer.html, the page that runs it against the gateway. Its
/// <see cref="Origin"/> is what Chromium sends in the WebSocket request's Origin header.
/// </summary>
internal sealed class NoVncSite : IAsyncDisposable
{
    private const string Folder = "tests/SharpAmt.Interop.Tests/NoVnc";

    private readonly WebApplication _app;

    private NoVncSite(WebApplication app, string origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary>The site's web origin, <c>http://address:port</c>.</summary>
    public string Origin { get; }

    /// <summary>The test page connecting noVNC to <paramref name="webSocketUrl"/> with a VNC password.</summary>
    public string ViewerUrl(string webSocketUrl, string password) =>
        $"{Origin}/viewer.html?url={Uri.EscapeDataString(webSocketUrl)}&password={Uri.EscapeDataString(password)}";

    public static async Task<NoVncSite> StartAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var root = Locate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(address, 0));
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new NoVncSite(app, new Uri(bound).GetLeftPart(UriPartial.Authority));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    /// <summary>The NoVnc folder in the source tree, with noVNC installed in it; fails the test saying how to install it.</summary>
    private static string Locate()
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "global.json")))
        {
            repository = repository.Parent;
        }

        Assert.True(repository is not null, $"no folder holding global.json above {AppContext.BaseDirectory}: cannot find {Folder}");
        var folder = Path.Combine(repository.FullName, Folder);
        Assert.True(File.Exists(Path.Combine(folder, "node_modules", "@novnc", "novnc", "core", "rfb.js")),
            $"noVNC is not installed in {folder}; run 'npm ci --no-audit --no-fund' there (.ci/run does)");
        return folder;
    }
}
