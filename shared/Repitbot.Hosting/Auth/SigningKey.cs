using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Repitbot.Hosting.Auth;

/// <summary>
/// An ES256 key kept as a PEM file, with the RFC 7638 thumbprint as its key id so that a rotated key
/// gets a new id by construction.
/// </summary>
public static class SigningKey
{
    public static ECDsaSecurityKey LoadOrCreate(string pemPath)
    {
        var ecdsa = ECDsa.Create();
        if (File.Exists(pemPath))
        {
            ecdsa.ImportFromPem(File.ReadAllText(pemPath));
        }
        else
        {
            ecdsa.GenerateKey(ECCurve.NamedCurves.nistP256);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pemPath))!);
            var temp = pemPath + ".tmp";
            File.WriteAllText(temp, ecdsa.ExportECPrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temp, pemPath, overwrite: false);
        }

        return WithKeyId(new ECDsaSecurityKey(ecdsa));
    }

    public static ECDsaSecurityKey Generate() =>
        WithKeyId(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)));

    public static JsonWebKey ToPublicJwk(ECDsaSecurityKey key)
    {
        var parameters = key.ECDsa.ExportParameters(includePrivateParameters: false);
        return new JsonWebKey
        {
            Kty = JsonWebAlgorithmsKeyTypes.EllipticCurve,
            Crv = JsonWebKeyECTypes.P256,
            X = Base64UrlEncoder.Encode(parameters.Q.X),
            Y = Base64UrlEncoder.Encode(parameters.Q.Y),
            Kid = key.KeyId,
            Alg = SecurityAlgorithms.EcdsaSha256,
            Use = JsonWebKeyUseNames.Sig,
        };
    }

    private static ECDsaSecurityKey WithKeyId(ECDsaSecurityKey key)
    {
        var publicJwk = ToPublicJwk(key);
        key.KeyId = Base64UrlEncoder.Encode(publicJwk.ComputeJwkThumbprint());
        return key;
    }
}
