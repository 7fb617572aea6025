using TickKernelExtensions.Execution;
using TickKernelExtensions.Processing.Bars;

namespace Serving.Host;

/// <summary>
/// Settings of a <see cref="ServingHost"/>. Immutable; <see cref="Validate"/> runs when the host starts and reports every
/// bad field in one message.
/// </summary>
public sealed record ServingHostOptions
{
    /// <summary>The model bundle to serve; null (default): none, readiness is 503 until <c>POST /v1/model/reload</c> loads one.</summary>
    public string? BundleFolder { get; init; }

    /// <summary>An optional shadow bundle scored on the same bars; its signals are only logged and counted, never returned.</summary>
    public string? ShadowBundleFolder { get; init; }

    /// <summary>
    /// The API keys accepted in the <c>X-Api-Key</c> header (at least one). Kept only as SHA-256 digests once the
    /// host starts; never logged. The program reads them from <c>Serving:ApiKeys</c> or <c>TICK_SERVING_API_KEYS</c>.
    /// </summary>
    public IReadOnlyList<string> ApiKeys { get; init; } = [];

    /// <summary>The address to bind; default 127.0.0.1 (loopback only).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; default 0, any free port (read the bound one from <see cref="ServingHost.Url"/>).</summary>
    public int Port { get; init; }

    /// <summary>Largest request body in bytes (Kestrel's MaxRequestBodySize); default 1 MiB. Larger bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1 << 20;

    /// <summary>Requests each API key may make per <see cref="RateLimitWindow"/> on the keyed endpoints; default 10,000.</summary>
    public int RateLimitPermits { get; init; } = 10_000;

    /// <summary>The rate limit's fixed window; default one second. Over the limit → 429.</summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a signal stays live after the tick that produced it (its expiry); default one minute, as the backtester's.</summary>
    public TimeSpan SignalLifetime { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Largest relative move of a symbol's bid or ask from its last accepted tick, as a fraction: a tick with
    /// |price / last − 1| above it gets 400 naming the field, since one bad quote would otherwise poison the bars and the
    /// demo account. Default 0.1 (10 %); <see cref="double.PositiveInfinity"/> turns the check off. The first tick of a
    /// symbol (and the first after a restart) is only checked for being positive, finite and not crossed.
    /// </summary>
    public double MaxPriceJump { get; init; } = 0.1;

    /// <summary>The bars features are computed on; default one-minute UTC bars, as the gold stage and the backtester build them.</summary>
    public TimeBarOptions Bars { get; init; } = new();

    /// <summary>
    /// The demo account's journal file; null (default): no demo account. When set, the host feeds every accepted tick and
    /// every served signal into a <see cref="DemoExecutor"/> opened on it (an existing journal resumes its account), and
    /// <c>GET /v1/demo/account</c> reports it.
    /// </summary>
    public string? DemoJournal { get; init; }

    /// <summary>The demo account's fill model, sizing and risk limits; default <see cref="DemoExecutorOptions.Default"/>. Used only with <see cref="DemoJournal"/>.</summary>
    public DemoExecutorOptions Demo { get; init; } = DemoExecutorOptions.Default;

    /// <summary>The clock for loaded-at stamps and latency; default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Checks every field; throws <see cref="ArgumentException"/> naming each bad one.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (ApiKeys is null || ApiKeys.Count == 0 || ApiKeys.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{nameof(ApiKeys)} must hold at least one key and no empty one");
        }
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add($"{nameof(Host)} must not be empty");
        }
        if (Port is < 0 or > 65535)
        {
            errors.Add($"{nameof(Port)} must be in [0, 65535], was {Port}");
        }
        if (MaxRequestBodyBytes <= 0)
        {
            errors.Add($"{nameof(MaxRequestBodyBytes)} must be positive, was {MaxRequestBodyBytes}");
        }
        if (RateLimitPermits <= 0)
        {
            errors.Add($"{nameof(RateLimitPermits)} must be positive, was {RateLimitPermits}");
        }
        if (RateLimitWindow <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(RateLimitWindow)} must be positive, was {RateLimitWindow}");
        }
        if (SignalLifetime <= TimeSpan.Zero || SignalLifetime.Ticks % 10 != 0)
        {
            errors.Add($"{nameof(SignalLifetime)} must be positive whole microseconds, was {SignalLifetime}");
        }
        if (!(MaxPriceJump > 0))
        {
            errors.Add($"{nameof(MaxPriceJump)} must be positive (+∞ for no check), was {MaxPriceJump.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        if (Bars is null)
        {
            errors.Add($"{nameof(Bars)} must not be null");
        }
        if (DemoJournal is not null && string.IsNullOrWhiteSpace(DemoJournal))
        {
            errors.Add($"{nameof(DemoJournal)} must be a file path or null, was empty");
        }
        if (Demo is null)
        {
            errors.Add($"{nameof(Demo)} must not be null");
        }
        if (TimeProvider is null)
        {
            errors.Add($"{nameof(TimeProvider)} must not be null");
        }
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid serving host options: {string.Join("; ", errors)}.");
        }
    }
}
