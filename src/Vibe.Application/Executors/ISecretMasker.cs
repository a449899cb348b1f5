namespace Vibe.Application.Executors;

/// <summary>Replaces every known secret value (from .env or ${env:…}) with ***.</summary>
public interface ISecretMasker
{
    string Mask(string text);

    /// <summary>Adds a value that must never be shown (for example one read from the environment at run time).</summary>
    void AddSecret(string value);
}
