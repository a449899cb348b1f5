using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Vibe.Application.Common.Errors;

namespace Vibe.Dashboard.Security;

/// <summary>
/// The dashboard's users and API tokens, in one private JSON file of the data folder (0600). Passwords are kept as
/// ASP.NET Core's PasswordHasher hashes (PBKDF2), tokens as SHA-256 hashes: the file never holds a secret itself.
/// After <see cref="MaxFailures"/> failed sign-ins in a row a user is locked out for <see cref="LockOut"/>.
/// </summary>
public sealed class UserDirectory(string path, TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockOut = TimeSpan.FromMinutes(15);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly PasswordHasher<string> _hasher = new();
    private readonly Lock _gate = new();

    public string Path => path;

    public bool HasUsers => Read().Users.Count > 0;

    public void AddUser(string name, string password, string role)
    {
        CheckName(name);
        if (role is not (DashboardUser.ViewerRole or DashboardUser.OperatorRole))
        {
            throw VibeException.Invalid($"--role must be viewer or operator, not '{role}'");
        }

        if (password.Length < 8)
        {
            throw VibeException.Invalid("the password must be at least 8 characters");
        }

        Change(file =>
        {
            file.Users.RemoveAll(user => user.Name == name);
            file.Users.Add(new StoredUser { Name = name, Role = role, Hash = _hasher.HashPassword(name, password) });
        });
    }

    public bool RemoveUser(string name)
    {
        var removed = false;
        Change(file => removed = file.Users.RemoveAll(user => user.Name == name) > 0);
        return removed;
    }

    /// <summary>A new API token for <paramref name="name"/> (read-only); the token is shown once and kept only as a hash.</summary>
    public string AddToken(string name)
    {
        CheckName(name);
        var token = "vibe_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        Change(file =>
        {
            file.Tokens.RemoveAll(stored => stored.Name == name);
            file.Tokens.Add(new StoredToken { Name = name, Hash = TokenHash(token) });
        });
        return token;
    }

    /// <summary>The token's name, or null for an unknown token.</summary>
    public string? FindToken(string token)
    {
        var hash = TokenHash(token);
        return Read().Tokens.FirstOrDefault(stored => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored.Hash), Encoding.ASCII.GetBytes(hash)))?.Name;
    }

    /// <summary>Checks a password, counting failures; a locked-out user is refused whatever the password.</summary>
    public SignInResult SignIn(string name, string password)
    {
        var now = time.GetUtcNow().UtcDateTime;
        SignInResult result = new(SignInOutcome.Refused, null, null);
        Change(file =>
        {
            var user = file.Users.FirstOrDefault(user => user.Name == name);
            if (user is null)
            {
                // Hash anyway, so that an unknown name takes as long as a wrong password.
                _hasher.VerifyHashedPassword(name, _hasher.HashPassword(name, "x"), password);
                return;
            }

            if (user.LockedUntil is { } until && until > now)
            {
                result = new SignInResult(SignInOutcome.LockedOut, null, until);
                return;
            }

            if (_hasher.VerifyHashedPassword(name, user.Hash, password) == PasswordVerificationResult.Failed)
            {
                user.Failures++;
                if (user.Failures >= MaxFailures)
                {
                    user.LockedUntil = now + LockOut;
                    user.Failures = 0;
                    result = new SignInResult(SignInOutcome.LockedOut, null, user.LockedUntil);
                }

                return;
            }

            user.Failures = 0;
            user.LockedUntil = null;
            result = new SignInResult(SignInOutcome.SignedIn, user.Role, null);
        });
        return result;
    }

    /// <summary>The role of an existing user (a removed user's cookie stops working).</summary>
    public string? RoleOf(string name) => Read().Users.FirstOrDefault(user => user.Name == name)?.Role;

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 60 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw VibeException.Invalid($"'{name}' is not a usable name: 1 to 60 characters, no spaces");
        }
    }

    private static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private StoredFile Read()
    {
        lock (_gate)
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<StoredFile>(File.ReadAllText(path), Json) ?? new StoredFile() : new StoredFile();
        }
    }

    private void Change(Action<StoredFile> change)
    {
        lock (_gate)
        {
            var file = File.Exists(path) ? JsonSerializer.Deserialize<StoredFile>(File.ReadAllText(path), Json) ?? new StoredFile() : new StoredFile();
            change(file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(stream, file, Json);
            }

            File.Move(temporary, path, overwrite: true);
        }
    }

    private sealed class StoredFile
    {
        public List<StoredUser> Users { get; set; } = [];

        public List<StoredToken> Tokens { get; set; } = [];
    }

    private sealed class StoredUser
    {
        public string Name { get; set; } = "";

        public string Role { get; set; } = DashboardUser.ViewerRole;

        public string Hash { get; set; } = "";

        public int Failures { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public DateTime? LockedUntil { get; set; }
    }

    private sealed class StoredToken
    {
        public string Name { get; set; } = "";

        public string Hash { get; set; } = "";
    }
}

public enum SignInOutcome
{
    SignedIn,
    Refused,
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, string? Role, DateTime? LockedUntil);
