namespace TickKernelExtensions.Tracking;

/// <summary>
/// Which registered model version <see cref="ModelDownload"/> fetches and where it goes. <see cref="Validate"/> reports
/// every bad field at once.
/// </summary>
public sealed record ModelDownloadOptions
{
    /// <summary>The registered model's name.</summary>
    public required string Name { get; init; }

    /// <summary>The version; default null: the alias when one is given, else the latest READY version.</summary>
    public int? Version { get; init; }

    /// <summary>The alias naming the version (e.g. <c>champion</c>); default none. Not together with <see cref="Version"/>.</summary>
    public string? Alias { get; init; }

    /// <summary>The folder to create with the model's files; it must not exist (nothing is overwritten). Its parent is created when missing.</summary>
    public required string TargetFolder { get; init; }

    /// <summary>What is asked for, e.g. <c>'tick-model' version 3</c>, <c>'tick-model' alias 'champion'</c> or <c>'tick-model' latest</c>.</summary>
    public string Describe() =>
        Version is { } v ? $"'{Name}' version {v}" : Alias is not null ? $"'{Name}' alias '{Alias}'" : $"'{Name}' latest";

    /// <summary>Throws <see cref="TrackingException"/> (<see cref="TrackingErrorKind.InvalidArgument"/>) naming every bad field.</summary>
    public ModelDownloadOptions Validate()
    {
        var problems = new List<string>();
        void Check(string field, Action validate)
        {
            try
            {
                validate();
            }
            catch (TrackingException e)
            {
                problems.Add($"{field}: {e.Message}");
            }
        }
        Check(nameof(Name), () => TrackingKeys.ValidateModelName(Name));
        if (Version is < 1)
        {
            problems.Add($"{nameof(Version)}: expected 1 or more, actual {Version}");
        }
        if (Alias is not null)
        {
            Check(nameof(Alias), () => TrackingKeys.ValidateAlias(Alias));
            if (Version is not null)
            {
                problems.Add($"{nameof(Version)}/{nameof(Alias)}: expected one or neither, actual both");
            }
        }
        if (string.IsNullOrWhiteSpace(TargetFolder))
        {
            problems.Add($"{nameof(TargetFolder)}: expected a folder path, actual empty");
        }
        if (problems.Count > 0)
        {
            throw new TrackingException(TrackingErrorKind.InvalidArgument, "Invalid model download options: " + string.Join("; ", problems) + ".");
        }
        return this;
    }
}
