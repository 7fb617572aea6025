using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Export;

namespace Serving.Host;

/// <summary>The handlers behind the routes <see cref="ServingHost"/> maps; state is the host's singletons.</summary>
internal sealed class ServingEndpoints(
    ServingHostOptions options, SignalService service, SignalBroadcaster broadcaster, ServingMetrics metrics, RecentSignals recent, DemoAccount demo,
    ILogger<ServingEndpoints> log) : IDisposable
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private static readonly Lazy<string> DashboardHtml = new(() =>
    {
        using var stream = typeof(ServingEndpoints).Assembly.GetManifestResourceStream("Serving.Host.Dashboard.html")
            ?? throw new InvalidOperationException("The dashboard page is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private readonly InstrumentCatalog _catalog = InstrumentCatalog.Default;

    public async Task<IResult> PostTickAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, problem) = await Problems.ReadJsonAsync(request, allowEmpty: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            if (!TickParser.TryRead(document!.RootElement, "$", _catalog, out var tick, out var invalid))
            {
                return Problems.Invalid(invalid!);
            }
            using var lease = service.Slot.Acquire();
            if (lease is null)
            {
                return Problems.NoModel();
            }
            var signals = new List<SignalEvent>(1);
            var late = service.OnTick(lease, tick, "$", signals);
            return late is null ? Respond(lease.Model, signals) : Problems.Invalid(late);
        }
    }

    public async Task<IResult> PostBatchAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, problem) = await Problems.ReadJsonAsync(request, allowEmpty: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return Problems.Invalid(new TickProblem("$", "an array of ticks", root.ValueKind.ToString().ToLowerInvariant(), "A batch is a JSON array of ticks."));
            }
            // Every tick is read before any is scored: a malformed batch changes nothing.
            var ticks = new List<TickInput>(root.GetArrayLength());
            var i = 0;
            foreach (var e in root.EnumerateArray())
            {
                if (!TickParser.TryRead(e, $"$[{i}]", _catalog, out var tick, out var invalid))
                {
                    return Problems.Invalid(invalid!);
                }
                ticks.Add(tick);
                i++;
            }
            using var lease = service.Slot.Acquire();
            if (lease is null)
            {
                return Problems.NoModel();
            }
            var signals = new List<SignalEvent>();
            for (var k = 0; k < ticks.Count; k++)
            {
                if (service.OnTick(lease, ticks[k], $"$[{k}]", signals) is { } late)
                {
                    // The ticks before it were accepted (and their signals published): say how many.
                    return Problems.Invalid(late, new Dictionary<string, object?> { ["accepted"] = k, ["signals"] = signals.Count });
                }
            }
            return Respond(lease.Model, signals);
        }
    }

    public async Task StreamSignalsAsync(HttpContext context, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancellationToken = linked.Token;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var channel = broadcaster.Subscribe();
        try
        {
            // A comment first, so a client knows it is subscribed before it starts posting.
            await context.Response.WriteAsync(": subscribed\n\n", cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
            await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken))
            {
                await context.Response.WriteAsync($"id: {e.Id}\ndata: {e.Json}\n\n", cancellationToken);
                await context.Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away or the host is stopping.
        }
        finally
        {
            broadcaster.Unsubscribe(channel);
        }
    }

    public IResult GetModel()
    {
        using var lease = service.Slot.Acquire();
        if (lease is null)
        {
            return Problems.NoModel();
        }
        var m = lease.Model;
        var b = m.Bundle;
        return TypedResults.Json(new
        {
            name = b.Name,
            version = b.Version,
            sha256 = b.ContentHash,
            folder = Path.GetFileName(b.Folder),
            metrics = b.Metrics,
            signature = new { vectorColumn = b.Signature.VectorColumn, inputColumns = b.Signature.InputColumns, outputs = b.Outputs },
            thresholds = new { buyAt = b.Thresholds.BuyAt, sellAt = b.Thresholds.SellAt, anomalyAbove = b.AnomalyThreshold },
            featureSet = new { name = b.FeatureSet.Name, version = b.FeatureSet.Version, sha256 = b.FeatureSet.ContentHash },
            loadedAt = m.LoadedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            shadow = m.Shadow is { } s ? new { name = s.Name, version = s.Version, sha256 = s.ContentHash } : null,
        });
    }

    public async Task<IResult> ReloadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, problem) = await Problems.ReadJsonAsync(request, allowEmpty: true, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        string? folder = null;
        using (document)
        {
            if (document is not null)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return Problems.Invalid(new TickProblem("$", "an object {\"folder\": …} or no body", root.ValueKind.ToString().ToLowerInvariant(), "A reload body is an object."));
                }
                if (root.TryGetProperty("folder", out var f) && f.ValueKind != JsonValueKind.Null)
                {
                    if (f.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(f.GetString()))
                    {
                        return Problems.Invalid(new TickProblem("$.folder", "a bundle folder path or null", f.GetRawText(), "\"folder\" must be a path."));
                    }
                    folder = f.GetString();
                }
            }
        }
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            folder ??= service.Slot.Current?.Bundle.Folder ?? options.BundleFolder;
            if (folder is null)
            {
                return Problems.Invalid(new TickProblem("$.folder", "a bundle folder (no model is served yet to reload)", "missing", "Name the bundle folder to load."));
            }
            ServedModel next;
            try
            {
                next = await Task.Run(() => ServingHost.LoadModel(folder, options), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                metrics.Reload(succeeded: false);
                log.LogWarning("Reload of {Folder} failed, the served model stays: {Error}", folder, e.Message);
                var b = e as ModelBundleException;
                return Problems.Create(StatusCodes.Status422UnprocessableEntity, "The bundle did not load; the served model is unchanged.", e.Message,
                    b?.Field ?? "$.folder", b?.Expected, b?.Actual,
                    new Dictionary<string, object?> { ["kind"] = b?.Kind.ToString() ?? e.GetType().Name, ["file"] = b?.File is { } file ? Path.GetFileName(file) : null });
            }
            var previous = service.Slot.Current?.Bundle;
            var (previousName, previousVersion) = (previous?.Name, previous?.Version);
            service.Slot.Swap(next);
            metrics.Reload(succeeded: true);
            log.LogInformation("Serving {Name} {Version} ({Sha256}); previously {PreviousName} {PreviousVersion}; symbol streams restart their warm-up",
                next.Bundle.Name, next.Bundle.Version, next.Bundle.ContentHash, previousName, previousVersion);
            return TypedResults.Json(new
            {
                model = new { name = next.Bundle.Name, version = next.Bundle.Version, sha256 = next.Bundle.ContentHash },
                previous = previous is null ? null : new { name = previousName, version = previousVersion },
            });
        }
        finally
        {
            _reloading.Release();
        }
    }

    public IResult DemoAccount() => demo.View() is { } view
        ? TypedResults.Json(view)
        : Problems.Create(StatusCodes.Status404NotFound, "No demo account.", "The host runs without a demo account: start it with a demo journal (ServingHostOptions.DemoJournal).");

    /// <summary>What the dashboard page polls: the model, counters, recent latency, the last signals (newest first), the demo account.</summary>
    public IResult Dashboard()
    {
        var m = service.Slot.Current;
        var (count, p50, p99) = metrics.Recent.Summary();
        return TypedResults.Json(new
        {
            model = m is null ? null : new
            {
                name = m.Bundle.Name, version = m.Bundle.Version, sha256 = m.Bundle.ContentHash, metrics = m.Bundle.Metrics,
                loadedAt = m.LoadedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                shadow = m.Shadow is { } sh ? new { name = sh.Name, version = sh.Version } : null,
            },
            ticks = metrics.Ticks,
            signalsByAction = metrics.SignalsByAction,
            latency = new { window = count, p50Micros = p50, p99Micros = p99 },
            signals = recent.NewestFirst().Select(e => JsonDocument.Parse(e.Json).RootElement.Clone()),
            demo = demo.View(trades: 10),
        });
    }

    public IResult DashboardPage() => TypedResults.Text(DashboardHtml.Value, "text/html; charset=utf-8");

    public IResult Ready() => service.Slot.Current is { } m
        ? TypedResults.Json(new { status = "ready", model = new { name = m.Bundle.Name, version = m.Bundle.Version, sha256 = m.Bundle.ContentHash } })
        : Problems.NoModel();

    public IResult Metrics() => TypedResults.Text(metrics.Write(service.Slot.Current), "text/plain; version=0.0.4; charset=utf-8");

    public void Dispose() => _reloading.Dispose();

    private static IResult Respond(ServedModel model, List<SignalEvent> signals)
    {
        // {"model":{…},"signals":[ + the signals' JSON, comma separated + ]}, into one array of the exact size.
        var prefix = model.ResponsePrefix;
        var length = prefix.Length + 2 + Math.Max(0, signals.Count - 1);
        foreach (var s in signals)
        {
            length += Encoding.UTF8.GetByteCount(s.Json);
        }
        var body = new byte[length];
        prefix.CopyTo(body, 0);
        var at = prefix.Length;
        for (var i = 0; i < signals.Count; i++)
        {
            if (i > 0)
            {
                body[at++] = (byte)',';
            }
            at += Encoding.UTF8.GetBytes(signals[i].Json, body.AsSpan(at));
        }
        body[at++] = (byte)']';
        body[at] = (byte)'}';
        return new JsonBytes(body);
    }

    /// <summary>A JSON body already encoded: written as it is (no string round trip).</summary>
    private sealed class JsonBytes(byte[] json) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = json.Length;
            return response.Body.WriteAsync(json).AsTask();
        }
    }
}
