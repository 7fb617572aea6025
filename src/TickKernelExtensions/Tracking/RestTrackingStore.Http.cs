using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TickKernelExtensions.Tracking;

public sealed partial class RestTrackingStore
{
    /// <inheritdoc />
    public async Task LogArtifactAsync(TrackingRunInfo run, string localPath, string? artifactPath = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(localPath))
        {
            throw new TrackingException(TrackingErrorKind.NotFound, "The artifact file does not exist.") { File = localPath };
        }
        if (artifactPath is not null)
        {
            TrackingKeys.ValidateKey("artifact path", artifactPath);
        }
        var relative = artifactPath is null ? Path.GetFileName(localPath) : artifactPath + "/" + Path.GetFileName(localPath);
        var root = run.ArtifactUri;
        if (ProxyPath(root) is { } proxied)
        {
            await SendAsync(HttpMethod.Put, "mlflow-artifacts/artifacts/" + Escape(proxied + "/" + relative), null, cancellationToken, localPath);
            return;
        }
        if (root.StartsWith("file:", StringComparison.Ordinal))
        {
            var target = Path.Combine(new Uri(root).LocalPath, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temp = target + $".{Guid.NewGuid():N}.tmp";
            try
            {
                File.Copy(localPath, temp);
                File.Move(temp, target, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }
            return;
        }
        throw new TrackingException(TrackingErrorKind.NotSupported,
            $"Run {run.RunId}: artifact root '{root}' is neither mlflow-artifacts: (the server's proxy) nor file:; start the server with artifact serving (the default) or upload to that store yourself.");
    }

    /// <summary>
    /// Sends one request to <c>{uri}/api/2.0/{endpoint}</c> with JSON <paramref name="body"/> (or the bytes of
    /// <paramref name="file"/>), retrying 429, 5xx and connection failures; returns the JSON answer, or streams a
    /// successful answer into <paramref name="downloadTo"/> (a transfer cut off midway is retried too).
    /// </summary>
    private async Task<JsonNode> SendAsync(HttpMethod method, string endpoint, JsonObject? body, CancellationToken cancellationToken, string? file = null, string? downloadTo = null)
    {
        var baseUri = _options.TrackingUri.ToString().TrimEnd('/');
        var uri = new Uri($"{baseUri}/api/2.0/{endpoint}");
        var name = $"{method} /api/2.0/{endpoint.Split('?')[0]}";
        var payload = body?.ToJsonString();
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            Authorize(request);
            if (payload is not null)
            {
                request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
            }
            else if (file is not null)
            {
                // Opened per attempt and streamed (artifacts can be large); disposed with the request.
                request.Content = new StreamContent(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true));
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, downloadTo is null ? HttpCompletionOption.ResponseContentRead : HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if (attempt >= _options.MaxAttempts)
                {
                    throw new TrackingException(TrackingErrorKind.Server, $"no answer after {attempt} attempt(s): {e.Message}", e) { Endpoint = name };
                }
                await Task.Delay(Backoff(attempt, null), _options.TimeProvider, cancellationToken);
                continue;
            }
            using (response)
            {
                if (downloadTo is not null && response.IsSuccessStatusCode)
                {
                    try
                    {
                        await using var target = new FileStream(downloadTo, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                        await response.Content.CopyToAsync(target, timeout.Token);
                        return new JsonObject();
                    }
                    catch (Exception e) when (e is HttpRequestException or HttpIOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                    {
                        if (attempt >= _options.MaxAttempts)
                        {
                            throw new TrackingException(TrackingErrorKind.Server, $"the download broke off after {attempt} attempt(s): {e.Message}", e) { Endpoint = name };
                        }
                        await Task.Delay(Backoff(attempt, null), _options.TimeProvider, cancellationToken);
                        continue;
                    }
                }
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) ?? new JsonObject();
                }
                if ((status == 429 || status >= 500) && attempt < _options.MaxAttempts)
                {
                    await Task.Delay(Backoff(attempt, response.Headers.RetryAfter), _options.TimeProvider, cancellationToken);
                    continue;
                }
                var (code, message) = ParseError(text);
                throw new TrackingException(KindOf(response.StatusCode, code), message ?? $"the server refused the request{(attempt > 1 ? $" (after {attempt} attempts)" : "")}")
                {
                    Endpoint = name,
                    StatusCode = status,
                    ErrorCode = code,
                };
            }
        }
    }

    private void Authorize(HttpRequestMessage request)
    {
        if (_options.Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
        }
        else if (_options.Username is not null)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.Username}:{_options.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }
    }

    private TimeSpan Backoff(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        var exponential = TimeSpan.FromTicks(Math.Min(_options.MaxBackoff.Ticks, _options.InitialBackoff.Ticks * (1L << Math.Min(attempt - 1, 20))));
        var asked = retryAfter?.Delta ?? TimeSpan.Zero;
        return asked > exponential ? TimeSpan.FromTicks(Math.Min(asked.Ticks, _options.MaxBackoff.Ticks)) : exponential;
    }

    private static (string? Code, string? Message) ParseError(string text)
    {
        try
        {
            var json = JsonNode.Parse(text);
            return ((string?)json?["error_code"], (string?)json?["message"]);
        }
        catch (JsonException)
        {
            return (null, text.Length > 200 ? text[..200] + "…" : text.Length == 0 ? null : text);
        }
    }

    private static TrackingErrorKind KindOf(HttpStatusCode status, string? code) => code switch
    {
        "RESOURCE_DOES_NOT_EXIST" or "ENDPOINT_NOT_FOUND" => TrackingErrorKind.NotFound,
        "RESOURCE_ALREADY_EXISTS" => TrackingErrorKind.Conflict,
        "INVALID_PARAMETER_VALUE" or "BAD_REQUEST" => TrackingErrorKind.InvalidArgument,
        _ when status == HttpStatusCode.NotFound => TrackingErrorKind.NotFound,
        _ => TrackingErrorKind.Server,
    };
}
