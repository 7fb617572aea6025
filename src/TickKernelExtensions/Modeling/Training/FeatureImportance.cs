namespace TickKernelExtensions.Modeling.Training;

/// <summary>
/// Permutation importance of one feature on the validation part: the validation AUC lost when the feature's column
/// is shuffled (mean and standard deviation over the repeats). Near zero or negative: the model does not use it
/// in a way that generalises.
/// </summary>
public sealed record FeatureImportance(string Feature, double AucDrop, double AucDropStd);
