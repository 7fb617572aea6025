using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Serving.Bench;

/// <summary>
/// The anchor: Kestrel with one minimal-API endpoint, <c>POST /v1/ticks</c>, that checks the key header, parses the
/// body with <see cref="JsonDocument"/>, reads the same fields and returns a constant JSON response — no features, no
/// model, no rate limiter or metrics. What the HTTP stack and the JSON parse alone cost on this machine.
/// </summary>
internal static class AnchorServer
{
    private static readonly byte[] Constant = """{"model":{"name":"anchor","version":"1"},"signals":[]}"""u8.ToArray();

    public static async Task<WebApplication> StartAsync(string key)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/ticks", async (HttpContext context) =>
        {
            if (context.Request.Headers["X-Api-Key"] != key)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            using var json = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var e = json.RootElement;
            var ok = e.GetProperty("symbol").GetString() is { Length: > 0 } && e.GetProperty("time").GetInt64() > 0
                && e.GetProperty("bid").GetDouble() > 0 && e.GetProperty("ask").GetDouble() > 0;
            context.Response.StatusCode = ok ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Constant, context.RequestAborted);
        });
        await app.StartAsync();
        return app;
    }
}
