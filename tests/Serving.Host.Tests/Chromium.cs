using System.Diagnostics;

namespace Serving.Host.Tests;

/// <summary>
/// Headless Debian Chromium for rendering tests, started with the flags this machine needs (no sandbox as root, no
/// background networking: only local files and the loopback host are reached). The one copy: Pipeline.Scripts.Tests
/// links this file (test projects do not reference each other). test.sh installs the browser when missing; under CI
/// a missing browser fails the test, elsewhere it is skipped with a message.
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

    /// <summary>Loads a local HTML file, lets its scripts run, and writes a PNG screenshot; returns the DOM after scripts ran.</summary>
    public static Task<string> ScreenshotAsync(string htmlFile, string png, int width = 1280, int height = 1000) =>
        DumpAsync(new Uri(htmlFile).AbsoluteUri, png, width, height, virtualTimeBudgetMs: 10_000);

    /// <summary>
    /// Loads <paramref name="url"/>, lets its scripts run for <paramref name="virtualTimeBudgetMs"/> of virtual time, and
    /// returns the DOM; with <paramref name="png"/>, a screenshot too.
    /// </summary>
    public static async Task<string> DumpAsync(string url, string? png = null, int width = 1280, int height = 1400, int virtualTimeBudgetMs = 5000)
    {
        var exe = Executable();
        var profile = Path.Combine(Path.GetTempPath(), "chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        try
        {
            string[] common =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--hide-scrollbars", $"--user-data-dir={profile}",
                $"--virtual-time-budget={virtualTimeBudgetMs}", $"--window-size={width},{height}",
            ];
            if (png is not null)
            {
                await RunAsync(exe, [.. common, $"--screenshot={png}", url]);
            }
            return await RunAsync(exe, [.. common, "--dump-dom", url]);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A profile file still held by an exiting browser: the temp folder is the OS's to clean.
            }
        }
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
