using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace TickKernelExtensions.Processing.Spark;

/// <summary>
/// Runs a <see cref="SparkSubmitPlan"/> as an Apache Livy batch over Livy's REST API: <c>POST /batches</c>, then
/// <c>GET /batches/{id}/state</c> every <see cref="SparkSubmitOptions.LivyPollInterval"/> until a final state
/// (<c>success</c>, <c>dead</c>, <c>killed</c>, <c>error</c>), and on failure the last log lines from
/// <c>GET /batches/{id}/log?size=n</c>. A state request that fails transiently is retried up to
/// <see cref="SparkSubmitOptions.LivyStateRetries"/> times in a row. Requests carry <c>X-Requested-By</c> (Livy's CSRF check). Waits use the given
/// <see cref="TimeProvider"/>. Thread safe for separate runs; the <see cref="HttpClient"/> is the caller's.
/// </summary>
public sealed class LivyBatchClient
{
    private static readonly string[] FinalStates = ["success", "dead", "killed", "error"];
    private readonly HttpClient _http;
    private readonly string _batches;
    private readonly TimeProvider _time;

    /// <summary>A client for the Livy server at <paramref name="livyUrl"/> (e.g. <c>http://livy:8998</c>; a path prefix is kept).</summary>
    public LivyBatchClient(HttpClient http, Uri livyUrl, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(livyUrl);
        if (!livyUrl.IsAbsoluteUri || livyUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"Expected an absolute http(s) URL for Livy, got '{livyUrl}'.", nameof(livyUrl));
        }
        _http = http;
        _batches = livyUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/batches";
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Submits the plan with its secrets from <paramref name="environment"/> and the Spark <paramref name="properties"/>
    /// (see <see cref="SparkSubmitPlan.ToLivyRequestJson"/>), reports each state change to
    /// <paramref name="progress"/> (<c>batch 7: running</c>) and returns the final state, with the log when it failed.
    /// </summary>
    /// <exception cref="InvalidOperationException">A secret variable is not set.</exception>
    /// <exception cref="HttpRequestException">Livy answered with an error status or an unexpected body; the message names the request.</exception>
    public async Task<LivyBatchResult> RunAsync(SparkSubmitPlan plan, Func<string, string?> environment, Action<string> progress, CancellationToken cancellationToken,
        IReadOnlyList<KeyValuePair<string, string>>? properties = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(progress);
        var id = await SubmitAsync(plan.ToLivyRequestJson(environment, properties), cancellationToken).ConfigureAwait(false);
        progress(string.Create(CultureInfo.InvariantCulture, $"batch {id}: submitted to {_batches}"));
        string? last = null;
        var failures = 0;
        while (true)
        {
            string state;
            try
            {
                state = await GetStateAsync(id, cancellationToken).ConfigureAwait(false);
                failures = 0;
            }
            catch (HttpRequestException e) when (IsTransient(e) && failures < plan.Options.LivyStateRetries)
            {
                failures++;
                progress(string.Create(CultureInfo.InvariantCulture, $"batch {id}: state request failed ({e.Message}); retry {failures} of {plan.Options.LivyStateRetries}"));
                await Task.Delay(plan.Options.LivyPollInterval, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (state != last)
            {
                progress(string.Create(CultureInfo.InvariantCulture, $"batch {id}: {state}"));
                last = state;
            }
            if (FinalStates.Contains(state))
            {
                var log = state == "success" ? [] : await GetLogAsync(id, plan.Options.LivyLogLines, cancellationToken).ConfigureAwait(false);
                return new LivyBatchResult(id, state, log);
            }
            await Task.Delay(plan.Options.LivyPollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Posts a batch body; returns the batch id Livy assigned.</summary>
    public async Task<int> SubmitAsync(string requestJson, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _batches)
        {
            Content = new StringContent(requestJson, Encoding.UTF8, "application/json"),
        };
        using var doc = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return Field(doc, "id", request).GetInt32();
    }

    /// <summary>The batch's current state.</summary>
    public async Task<string> GetStateAsync(int batchId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"{_batches}/{batchId}/state"));
        using var doc = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return Field(doc, "state", request).GetString() ?? "";
    }

    /// <summary>The batch's last <paramref name="lines"/> log lines.</summary>
    public async Task<IReadOnlyList<string>> GetLogAsync(int batchId, int lines, CancellationToken cancellationToken)
    {
        if (lines == 0)
        {
            return [];
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"{_batches}/{batchId}/log?size={lines}"));
        using var doc = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return [.. Field(doc, "log", request).EnumerateArray().Select(l => l.GetString() ?? "")];
    }

    private async Task<JsonDocument> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add("X-Requested-By", "pipeline");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"Livy {request.Method} {request.RequestUri} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Head(body)}",
                null, response.StatusCode);
        }
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new HttpRequestException($"Livy {request.Method} {request.RequestUri} answered with a body that is not JSON: {Head(body)}", e);
        }
    }

    /// <summary>No answer, or an answer that says "try again": 408, 429 and 5xx.</summary>
    private static bool IsTransient(HttpRequestException e) =>
        e.StatusCode is null or System.Net.HttpStatusCode.RequestTimeout or System.Net.HttpStatusCode.TooManyRequests || (int?)e.StatusCode >= 500;

    private static JsonElement Field(JsonDocument doc, string name, HttpRequestMessage request) =>
        doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var value)
            ? value
            : throw new HttpRequestException($"Livy {request.Method} {request.RequestUri} answered without '{name}': {Head(doc.RootElement.GetRawText())}");

    private static string Head(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
