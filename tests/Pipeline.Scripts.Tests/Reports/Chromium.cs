using System.Diagnostics;

namespace Pipeline.Scripts.Tests.Reports;

/// <summary>
/// Headless Debian Chromium for rendering tests, started with the flags this machine needs (no sandbox as
/// root, no background networking: nothing may leave the machine). test.sh installs it when missing; under
/// CI a missing browser fails the test, elsewhere it is skipped with a message.
/// </summary>
internal static class Chromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    public static string Executable()
    {
        var path = Candidates.FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }
        const string message = "Chromium is not installed (test.sh installs Debian's chromium).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }
        Assert.Skip(message);
        return "";
    }

    /// <summary>Loads a local file, lets scripts run, and writes a PNG screenshot; returns the DOM after scripts ran.</summary>
    public static async Task<string> ScreenshotAsync(string htmlFile, string png, int width = 1280, int height = 1000)
    {
        var exe = Executable();
        using var profile = new TempDirectory();
        string[] common =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--hide-scrollbars", $"--user-data-dir={profile.Path}",
            "--virtual-time-budget=10000", $"--window-size={width},{height}",
        ];
        var url = new Uri(htmlFile).AbsoluteUri;
        await RunAsync(exe, [.. common, $"--screenshot={png}", url]);
        return await RunAsync(exe, [.. common, "--dump-dom", url]);
    }

    private static async Task<string> RunAsync(string exe, string[] args)
    {
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium did not finish: {await stderr}");
        }
        return await stdout;
    }
}
