using System.Text.RegularExpressions;

namespace TickKernelExtensions.Tracking;

/// <summary>
/// MLflow's own validation (<c>mlflow/utils/validation.py</c>), applied before anything is written or sent, so a key
/// the local store accepts is one a server accepts too: names of params, metrics and tags match <c>^[/\w.\- ]*$</c>,
/// are at most 250 characters, and must not normalize to another path (<c>..</c>, a leading or trailing <c>/</c>,
/// <c>//</c>); param values are at most 6000 characters, tag values 8000, experiment names 1 to 500.
/// </summary>
public static partial class TrackingKeys
{
    /// <summary>MLflow's <c>MAX_ENTITY_KEY_LENGTH</c>.</summary>
    public const int MaxKeyLength = 250;

    /// <summary>MLflow's <c>MAX_PARAM_VAL_LENGTH</c>.</summary>
    public const int MaxParamValueLength = 6000;

    /// <summary>MLflow's <c>MAX_TAG_VAL_LENGTH</c>.</summary>
    public const int MaxTagValueLength = 8000;

    /// <summary>MLflow's <c>MAX_EXPERIMENT_NAME_LENGTH</c>.</summary>
    public const int MaxExperimentNameLength = 500;

    /// <summary>Throws <see cref="TrackingErrorKind.InvalidKey"/> unless <paramref name="key"/> is a valid name for a <paramref name="what"/> (param, metric, tag).</summary>
    public static void ValidateKey(string what, string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw Invalid($"Invalid {what} name: it is empty.");
        }
        if (key.Length > MaxKeyLength)
        {
            throw Invalid($"Invalid {what} name '{key[..40]}…': {key.Length} characters, at most {MaxKeyLength} allowed.");
        }
        if (!Allowed().IsMatch(key))
        {
            throw Invalid($"Invalid {what} name '{key}': names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ) and slashes (/).");
        }
        if (!IsNormalPath(key))
        {
            throw Invalid($"Invalid {what} name '{key}': names are stored as file paths and must not resolve to another name (no '..' or '.' segment, no leading, trailing or double '/').");
        }
    }

    /// <summary>Validates a param's key and value length.</summary>
    public static void ValidateParam(Param p)
    {
        ValidateKey("param", p.Key);
        if (p.Value.Length > MaxParamValueLength)
        {
            throw Invalid($"Param '{p.Key}': the value has {p.Value.Length} characters, at most {MaxParamValueLength} allowed (log long text as an artifact).");
        }
    }

    /// <summary>Validates a tag's key and value length.</summary>
    public static void ValidateTag(RunTag t)
    {
        ValidateKey("tag", t.Key);
        if (t.Value.Length > MaxTagValueLength)
        {
            throw Invalid($"Tag '{t.Key}': the value has {t.Value.Length} characters, at most {MaxTagValueLength} allowed (log long text as an artifact).");
        }
    }

    /// <summary>Validates a metric's key and step (non-negative).</summary>
    public static void ValidateMetric(Metric m)
    {
        ValidateKey("metric", m.Key);
        if (m.Step < 0 || m.Timestamp < 0)
        {
            throw Invalid($"Metric '{m.Key}': step and timestamp must be non-negative, actual step {m.Step}, timestamp {m.Timestamp}.");
        }
    }

    /// <summary>Validates an experiment name: 1 to 500 characters.</summary>
    public static void ValidateExperimentName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxExperimentNameLength)
        {
            throw Invalid($"Invalid experiment name '{name}': expected 1 to {MaxExperimentNameLength} characters, not blank.");
        }
    }

    /// <summary>
    /// Validates a registered model name: it becomes a folder under <c>mlruns/models/</c>, so it must be one path
    /// segment (no <c>/</c>, <c>\</c>, <c>:</c>, control characters, <c>.</c> or <c>..</c>), at most 250 characters.
    /// </summary>
    public static void ValidateModelName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxKeyLength || name is "." or ".."
            || name.Any(c => c is '/' or '\\' or ':' || char.IsControl(c)))
        {
            throw Invalid($"Invalid registered model name '{name}': expected 1 to {MaxKeyLength} characters without '/', '\\', ':' or control characters.");
        }
    }

    /// <summary>Validates an alias: a valid key, not <c>latest</c> and not a version reference like <c>v3</c> (MLflow reserves both).</summary>
    public static void ValidateAlias(string alias)
    {
        ValidateKey("alias", alias);
        if (alias.Contains('/', StringComparison.Ordinal) || alias.Equals("latest", StringComparison.OrdinalIgnoreCase) || VersionLike().IsMatch(alias))
        {
            throw Invalid($"Invalid alias '{alias}': 'latest', version references such as 'v3' and '/' are reserved.");
        }
    }

    private static bool IsNormalPath(string key) =>
        !key.StartsWith('/') && !key.EndsWith('/') && !key.Contains("//", StringComparison.Ordinal)
        && key.Split('/').All(s => s is not ("." or ".."));

    private static TrackingException Invalid(string message) => new(TrackingErrorKind.InvalidKey, message);

    [GeneratedRegex(@"^[/\w.\- ]*$")]
    private static partial Regex Allowed();

    [GeneratedRegex(@"^[vV]\d+$")]
    private static partial Regex VersionLike();
}
