using System.CommandLine;
using TickKernelExtensions.Storage;

namespace Pipeline.Scripts.Commands;

/// <summary>
/// The S3 connection options of the lakehouse commands (<c>publish</c>, <c>sql</c>), spelled as <c>replicate</c> spells
/// them. Credentials are never options: they come from the AWS chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profile,
/// instance role).
/// </summary>
internal sealed class S3CliOptions
{
    public Option<string?> Endpoint { get; } = new("--endpoint")
    {
        Description = "S3 endpoint URL for s3:// tables (default: AWS_ENDPOINT_URL_S3, else AWS S3). Credentials come from the AWS chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profile, instance role.",
    };

    public Option<string?> Region { get; } = new("--region") { Description = "S3 signing region (default: AWS_REGION, else us-east-1)." };

    public Option<bool> NoChunkEncoding { get; } = new("--no-chunk-encoding")
    {
        Description = "Sign S3 bodies whole instead of aws-chunked streaming (needed for s3rver, which stores the chunk framing as bytes).",
    };

    /// <summary>The options to add to a command.</summary>
    public IEnumerable<Option> All => [Endpoint, Region, NoChunkEncoding];

    /// <summary>S3 settings from the parsed options over the environment's defaults (bucket and prefix come from each location).</summary>
    public S3ObjectStoreOptions Resolve(ParseResult r)
    {
        var s3 = new S3ObjectStoreOptions { UseChunkEncoding = !r.GetValue(NoChunkEncoding) };
        return s3 with
        {
            ServiceUrl = r.GetValue(Endpoint) ?? s3.ServiceUrl,
            Region = r.GetValue(Region) ?? s3.Region,
        };
    }
}
