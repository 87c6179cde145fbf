namespace TagMyStock.Core.Rules;

/// <summary>The user's rules file cannot be used; the message says which property is wrong and why.</summary>
public sealed class UserRulesException : Exception
{
    public UserRulesException()
    {
    }

    public UserRulesException(string message)
        : base(message)
    {
    }

    public UserRulesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
