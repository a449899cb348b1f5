namespace Vibe.Application.Common.Interfaces;

/// <summary>Checks a block of .env settings (database, SMTP) for <c>vibe validate</c>; returns every problem.</summary>
public interface ISettingsCheck
{
    IEnumerable<ConfigError> Check();

    /// <summary>What is allowed but unsafe or probably a mistake (a .env others can read); validation still passes.</summary>
    IEnumerable<string> Warnings() => [];
}
