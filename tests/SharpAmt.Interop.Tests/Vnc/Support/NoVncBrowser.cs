using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright, with <see cref="NoVncSite"/>'s page open: real noVNC in a real
/// browser. Playwright only talks to the browser; it never downloads one.
/// </summary>
internal sealed class NoVncBrowser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _console = [];

    private NoVncBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Console += (_, message) =>
        {
            lock (_console)
            {
                _console.Add($"{message.Type}: {message.Text}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>What the page logged (noVNC's warnings and errors), for failure messages.</summary>
    public string ConsoleText
    {
        get
        {
            lock (_console)
            {
                return string.Join('\n', _console);
            }
        }
    }

    /// <summary>Opens <paramref name="url"/> in a new Chromium; fails naming the Debian package when it is not installed.</summary>
    public static async Task<NoVncBrowser> OpenAsync(string url, CancellationToken cancellationToken)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is not installed; install the Debian package chromium (.ci/run installs it)");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        IBrowser? browser = null;
        try
        {
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Timeout = 60_000 });
            // Larger than the 1080p desktop, so nothing of the canvas is scrolled away.
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 2000, Height = 1200 } });
            var opened = new NoVncBrowser(playwright, browser, page);
            await page.GotoAsync(url).WaitAsync(cancellationToken);
            return opened;
        }
        catch
        {
            if (browser is not null)
            {
                await browser.DisposeAsync();
            }

            playwright.Dispose();
            throw;
        }
    }

    /// <summary>noVNC's connection state: connecting, connected or disconnected, with the events that led there.</summary>
    public async Task<(string State, string Events)> StatusAsync()
    {
        var status = await Page.EvaluateAsync<JsonElement>("() => ({ state: window.sharpamt?.state ?? 'loading', events: (window.sharpamt?.events ?? []).join('; ') })");
        return (status.GetProperty("state").GetString()!, status.GetProperty("events").GetString()!);
    }

    /// <summary>Waits until noVNC's state is <paramref name="state"/>; fails with its events and console when it goes elsewhere.</summary>
    public async Task WaitForStateAsync(string state, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var (now, events) = await StatusAsync();
            if (now == state)
            {
                return;
            }

            Assert.True(elapsed.Elapsed < Eventually.Patience, $"noVNC is {now}, never {state} (events: {events})\n{ConsoleText}");
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>How many rectangles noVNC decoded so far, by encoding number (16 ZRLE, 0 RAW).</summary>
    public async Task<Dictionary<int, int>> RectanglesAsync()
    {
        // As JSON text: Playwright adds its own bookkeeping properties to objects it hands back.
        var counts = JsonSerializer.Deserialize<Dictionary<string, int>>(await Page.EvaluateAsync<string>("() => JSON.stringify(window.sharpamt.rectangles)"))!;
        return counts.ToDictionary(count => int.Parse(count.Key, System.Globalization.CultureInfo.InvariantCulture), count => count.Value);
    }

    /// <summary>The canvas noVNC draws the remote screen on, pixel for pixel.</summary>
    public async Task<RgbImage> PictureAsync()
    {
        var canvas = await Page.EvaluateAsync<JsonElement>("() => window.sharpamt.pixels()");
        var width = canvas.GetProperty("width").GetInt32();
        var height = canvas.GetProperty("height").GetInt32();
        var rgb = Convert.FromBase64String(canvas.GetProperty("rgb").GetString()!);
        var pixels = new uint[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = ((uint)rgb[i * 3] << 16) | ((uint)rgb[(i * 3) + 1] << 8) | rgb[(i * 3) + 2];
        }

        return new RgbImage(width, height, pixels);
    }

    /// <summary>Types into the canvas as a user would after clicking into it: real key events in the page, which noVNC turns into RFB KeyEvents.</summary>
    public async Task TypeAsync(string text)
    {
        await Page.EvaluateAsync("() => window.sharpamt.focus()");
        await Page.Keyboard.TypeAsync(text, new KeyboardTypeOptions { Delay = 20 });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
