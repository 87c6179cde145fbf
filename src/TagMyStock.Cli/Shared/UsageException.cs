namespace TagMyStock.Cli.Shared;

/// <summary>The command line asks for something that cannot be done; the message says what to change.</summary>
public sealed class UsageException(string message) : Exception(message);
