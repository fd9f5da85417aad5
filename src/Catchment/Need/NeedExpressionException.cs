namespace Geo.Catchment.Need;

/// <summary>A need expression cannot be parsed or evaluated; the message says where and, for unknown columns, lists the known ones.</summary>
public sealed class NeedExpressionException : ArgumentException
{
    public NeedExpressionException(string message) : base(message)
    {
    }

    public NeedExpressionException()
    {
    }

    public NeedExpressionException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
