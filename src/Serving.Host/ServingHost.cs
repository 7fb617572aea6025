using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TickKernelExtensions.Modeling.Export;

namespace Serving.Host;

/// <summary>
/// The serving host: ASP.NET Core minimal APIs on Kestrel, bound to loopback by default. Started in-process with
/// <see cref="StartAsync"/> (tests, notebooks) or by the program; dispose to stop it. Ticks go through the same
/// <see cref="TickKernelExtensions.Modeling.Online.OnlineSignalStream"/> the backtester runs, so served signals equal
/// backtested ones. Signal, model, reload, demo-account and dashboard-data endpoints need an API key; health, metrics, the
/// OpenAPI document and the dashboard page (which holds no data) are open.
/// </summary>
public sealed class ServingHost : IAsyncDisposable
{
    private const string RateLimitPolicy = "per-api-key";
    private readonly WebApplication _app;
    private readonly ModelSlot _slot;

    private ServingHost(WebApplication app, ModelSlot slot, string url) => (_app, _slot, Url) = (app, slot, url);

    /// <summary>The bound base address, e.g. <c>http://127.0.0.1:43121</c>.</summary>
    public string Url { get; }

    /// <summary>Loads the bundles named in <paramref name="options"/> (a broken one fails the start) and starts listening.</summary>
    /// <exception cref="ArgumentException">Invalid options (every bad field named).</exception>
    /// <exception cref="ModelBundleException">The bundle or shadow bundle does not verify.</exception>
    public static async Task<ServingHost> StartAsync(ServingHostOptions options, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var slot = new ModelSlot();
        if (options.BundleFolder is not null)
        {
            slot.Swap(LoadModel(options.BundleFolder, options));
        }
        try
        {
            var app = Build(options, slot, logging);
            await app.StartAsync(cancellationToken);
            var url = app.Urls.First().TrimEnd('/');
            return new ServingHost(app, slot, url);
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    /// <summary>Verifies and loads <paramref name="folder"/> (and the options' shadow bundle) as a new generation.</summary>
    internal static ServedModel LoadModel(string folder, ServingHostOptions options)
    {
        var bundle = ModelBundle.Load(folder);
        try
        {
            var shadow = options.ShadowBundleFolder is { } s ? ModelBundle.Load(s) : null;
            return new ServedModel(bundle, shadow, options.TimeProvider.GetUtcNow(), options.Bars, options.SignalLifetime);
        }
        catch
        {
            bundle.Dispose();
            throw;
        }
    }

    private static WebApplication Build(ServingHostOptions options, ModelSlot slot, Action<ILoggingBuilder>? logging)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ServingHost).Assembly.GetName().Name,
            // Options come from the caller, not from files: an appsettings.json in the working directory is read once,
            // not watched (a watcher on the content root wakes on every write there and costs CPU under load).
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        logging?.Invoke(builder.Logging);
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(slot);
        builder.Services.AddSingleton(options.TimeProvider);
        var keyRing = new ApiKeyRing(options.ApiKeys);
        builder.Services.AddSingleton(keyRing);
        builder.Services.AddSingleton<ServingMetrics>();
        builder.Services.AddSingleton<SignalBroadcaster>();
        builder.Services.AddSingleton<RecentSignals>();
        builder.Services.AddSingleton(sp => new DemoAccount(options, sp.GetRequiredService<ILoggerFactory>().CreateLogger<DemoAccount>()));
        builder.Services.AddSingleton<SignalService>();
        builder.Services.AddSingleton<ServingEndpoints>();
        builder.Services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                keyRing.PartitionOf(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RateLimitPermits, Window = options.RateLimitWindow, QueueLimit = 0 }));
            r.OnRejected = async (context, cancellationToken) =>
            {
                var problem = Problems.Create(StatusCodes.Status429TooManyRequests, "Too many requests.",
                    $"At most {options.RateLimitPermits} requests per API key every {options.RateLimitWindow.TotalSeconds} s.");
                await problem.ExecuteAsync(context.HttpContext);
            };
        });

        var app = builder.Build();
        // Opened now, so a corrupt or foreign demo journal fails the start rather than the first tick.
        _ = app.Services.GetRequiredService<DemoAccount>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        var metrics = app.Services.GetRequiredService<ServingMetrics>();
        app.Use(async (context, next) =>
        {
            var failed = true;
            try
            {
                await next(context);
                failed = false;
            }
            finally
            {
                var endpoint = (context.GetEndpoint() as Microsoft.AspNetCore.Routing.RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
                metrics.Request(endpoint, failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode);
            }
        });
        app.UseRateLimiter();
        Map(app);
        return app;
    }

    private static void Map(WebApplication app)
    {
        var endpoints = app.Services.GetRequiredService<ServingEndpoints>();
        var keys = app.Services.GetRequiredService<ApiKeyRing>();
        var stopping = app.Lifetime.ApplicationStopping;

        app.MapOpenApi();
        app.MapGet("/health/live", () => TypedResults.Json(new { status = "live" })).WithName("Live").WithTags("health");
        app.MapGet("/health/ready", endpoints.Ready).WithName("Ready").WithTags("health")
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/metrics", endpoints.Metrics).WithName("Metrics").WithTags("health").Produces<string>(200, "text/plain");

        var keyed = app.MapGroup("").RequireRateLimiting(RateLimitPolicy).AddEndpointFilter(async (context, next) =>
            keys.IsValid(context.HttpContext) ? await next(context) : Problems.Unauthorized());
        keyed.MapPost("/v1/ticks", (HttpRequest request, CancellationToken ct) => endpoints.PostTickAsync(request, ct))
            .WithName("PostTick").WithTags("signals").Accepts<TickBody>("application/json").Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        keyed.MapPost("/v1/ticks/batch", (HttpRequest request, CancellationToken ct) => endpoints.PostBatchAsync(request, ct))
            .WithName("PostTickBatch").WithTags("signals").Accepts<TickBody[]>("application/json").Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        keyed.MapGet("/v1/signals/stream", (HttpContext context, CancellationToken ct) => endpoints.StreamSignalsAsync(context, stopping))
            .WithName("SignalStream").WithTags("signals").Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        keyed.MapGet("/v1/model", endpoints.GetModel).WithName("Model").WithTags("model")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        keyed.MapGet("/v1/demo/account", endpoints.DemoAccount).WithName("DemoAccount").WithTags("demo")
            .ProducesProblem(StatusCodes.Status404NotFound);
        keyed.MapGet("/v1/dashboard", endpoints.Dashboard).WithName("Dashboard").WithTags("dashboard");
        app.MapGet("/", endpoints.DashboardPage).WithName("DashboardPage").WithTags("dashboard").Produces<string>(200, "text/html");
        app.MapGet("/dashboard", endpoints.DashboardPage).WithTags("dashboard").Produces<string>(200, "text/html");
        keyed.MapPost("/v1/model/reload", (HttpRequest request, CancellationToken ct) => endpoints.ReloadAsync(request, ct))
            .WithName("ReloadModel").WithTags("model").Accepts<ReloadBody>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM); the program's main loop.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the host (requests in flight finish; event streams end) and disposes the served bundles.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _slot.Dispose();
    }
}
