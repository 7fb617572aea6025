namespace Pipeline.Scripts.Kernel;

/// <summary>The kernel cannot start or go on: a bad connection file, a port it cannot bind, a kernelspec it cannot write.</summary>
public sealed class KernelException : Exception
{
    /// <summary>An exception with a message that names what was expected and what was found.</summary>
    public KernelException(string message) : base(message)
    {
    }

    /// <summary>The same, wrapping the cause.</summary>
    public KernelException(string message, Exception inner) : base(message, inner)
    {
    }
}
