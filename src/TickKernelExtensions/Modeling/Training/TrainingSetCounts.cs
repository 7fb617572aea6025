namespace TickKernelExtensions.Modeling.Training;

/// <summary>What <see cref="TrainingSetBuilder"/> kept and dropped, and why.</summary>
/// <param name="FeatureRows">Rows of the feature table.</param>
/// <param name="NaNFeatureRows">Rows dropped because a selected feature was NaN or infinite (warm-up, missing input).</param>
/// <param name="BeyondData">Candidate events dropped because their label horizon ends after the last tick.</param>
/// <param name="Labelled">Events labelled.</param>
/// <param name="Purged">Samples purged by the split.</param>
/// <param name="Embargoed">Samples embargoed by the split.</param>
public sealed record TrainingSetCounts(int FeatureRows, int NaNFeatureRows, int BeyondData, int Labelled, int Purged, int Embargoed)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{FeatureRows} feature rows, {NaNFeatureRows} dropped for NaN features, {BeyondData} beyond the data, {Labelled} labelled, " +
        $"{Purged} purged, {Embargoed} embargoed";
}
