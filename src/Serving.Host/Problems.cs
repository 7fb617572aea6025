using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Serving.Host;

/// <summary>RFC 7807 problem documents (<c>application/problem+json</c>) with the field, expected and actual value as extensions.</summary>
internal static class Problems
{
    public static IResult Invalid(TickProblem p, IDictionary<string, object?>? extra = null) =>
        Create(StatusCodes.Status400BadRequest, "The request is not valid.", p.Detail, p.Field, p.Expected, p.Actual, extra);

    public static IResult Create(int status, string title, string detail, string? field = null, string? expected = null, string? actual = null,
        IDictionary<string, object?>? extra = null)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (field is not null)
        {
            (extensions["field"], extensions["expected"], extensions["actual"]) = (field, expected, actual);
        }
        foreach (var (k, v) in extra ?? new Dictionary<string, object?>())
        {
            extensions[k] = v;
        }
        return TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
    }

    public static IResult NoModel() =>
        Create(StatusCodes.Status503ServiceUnavailable, "No model is loaded.", "The host serves no model yet: POST /v1/model/reload with a bundle folder.");

    public static IResult Unauthorized() =>
        Create(StatusCodes.Status401Unauthorized, "A valid API key is required.", $"Send one of the host's API keys in the {ApiKeyRing.Header} header.");

    /// <summary>Parses the body as JSON; a problem (400 malformed, 413 too large) instead when it cannot.</summary>
    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadJsonAsync(HttpRequest request, bool allowEmpty, CancellationToken cancellationToken)
    {
        try
        {
            // The whole body from Kestrel's pipe (no stream to copy it through); Kestrel enforces the body size limit
            // while it is read.
            var reader = request.BodyReader;
            ReadResult read;
            while (true)
            {
                read = await reader.ReadAsync(cancellationToken);
                if (read.IsCompleted || read.IsCanceled)
                {
                    break;
                }
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
            try
            {
                if (read.Buffer.IsEmpty)
                {
                    return allowEmpty ? (null, null)
                        : (null, Create(StatusCodes.Status400BadRequest, "The request is not valid.", "The body is empty.", "$", "a JSON body", "empty"));
                }
                // A document parsed from memory keeps pointing into that memory, and the pipe's buffer is reused once
                // released: the document gets its own copy of the body.
                return (JsonDocument.Parse(read.Buffer.ToArray()), null);
            }
            finally
            {
                reader.AdvanceTo(read.Buffer.End);
            }
        }
        catch (JsonException e)
        {
            var at = $"line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}";
            return (null, Create(StatusCodes.Status400BadRequest, "The body is not valid JSON.", e.Message, e.Path ?? "$", "well-formed JSON", $"malformed at {at}"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Create(StatusCodes.Status413PayloadTooLarge, "The body is too large.", e.Message, "$", "a body within the host's limit", "larger"));
        }
    }
}
