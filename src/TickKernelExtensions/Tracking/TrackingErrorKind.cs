namespace TickKernelExtensions.Tracking;

/// <summary>Why a tracking operation failed (machine readable).</summary>
public enum TrackingErrorKind
{
    /// <summary>An option or argument that cannot be used (every bad field is named at once).</summary>
    InvalidArgument,

    /// <summary>A param, metric or tag key, an experiment or model name, or a value that MLflow would refuse (characters, length).</summary>
    InvalidKey,

    /// <summary>The experiment, run, registered model or file does not exist (MLflow's <c>RESOURCE_DOES_NOT_EXIST</c>).</summary>
    NotFound,

    /// <summary>The entity exists already, or a param was logged again with another value (MLflow's <c>RESOURCE_ALREADY_EXISTS</c> / <c>INVALID_PARAMETER_VALUE</c>).</summary>
    Conflict,

    /// <summary>A <c>meta.yaml</c> or metric file that cannot be read as MLflow's file store writes it.</summary>
    InvalidFormat,

    /// <summary>Something this client does not do (e.g. artifacts to an <c>s3://</c> artifact root of a server without the artifact proxy).</summary>
    NotSupported,

    /// <summary>The tracking server answered with an error, or could not be reached after the retries.</summary>
    Server,
}
