<?php
// Gatehouse with Guzzle 7: log in, create and read a company, use an Auth Key, revoke it, log out.
//   GATEHOUSE_URL=http://localhost:8080 GATEHOUSE_LOGIN=admin GATEHOUSE_PASSWORD=... GATEHOUSE_COMPANY=acme php gatehouse.php
// Guzzle from Composer (vendor/autoload.php), else Debian's php-guzzlehttp-guzzle.
require file_exists(__DIR__ . '/vendor/autoload.php') ? __DIR__ . '/vendor/autoload.php' : '/usr/share/php/GuzzleHttp/autoload.php';

use GuzzleHttp\Client;
use GuzzleHttp\Cookie\CookieJar;

function fail(string $why): never
{
    fwrite(STDERR, $why . PHP_EOL);
    exit(1);
}

// POSTs JSON with these Guzzle options and answers the reply; exits with Gatehouse's failure when it is not a success.
function post(Client $http, string $path, array|object $body, array $options = []): array
{
    $reply = $http->post($path, ['json' => $body] + $options);
    $data = json_decode((string) $reply->getBody(), true);
    if (($data['result'] ?? null) !== 'success') {
        fail("$path: HTTP {$reply->getStatusCode()} failure " . ($data['code'] ?? '') . ' ' . ($data['message'] ?? ''));
    }
    return $data;
}

[$url, $login, $password] = [getenv('GATEHOUSE_URL'), getenv('GATEHOUSE_LOGIN'), getenv('GATEHOUSE_PASSWORD')];
if (!$url || !$login || !$password) {
    fail('set GATEHOUSE_URL, GATEHOUSE_LOGIN and GATEHOUSE_PASSWORD');
}
$company = getenv('GATEHOUSE_COMPANY') ?: 'acme';
// http_errors off: a failure's JSON body says what went wrong, post() reads it.
$http = new Client(['base_uri' => $url, 'http_errors' => false, 'timeout' => 10]);

// Log in with the auth block; the CookieJar keeps the Red60urne cookie for the calls after it.
$session = ['cookies' => new CookieJar()];
$user = post($http, '/rest/auth/', ['auth' => ['type' => 'auth', 'username' => $login, 'password' => $password]], $session)['user'];
echo "logged in as {$user['login']} (user {$user['id']})\n";

// A management call: create a company (values.company is its id), then read it back.
$created = post($http, '/rest/ops/create/company', ['values' => ['company' => $company, 'name' => 'Example company']], $session);
echo "created company $company: id {$created['values'][$company]['id']}\n";
$read = post($http, '/rest/ops/read/company', ['scope' => ['company' => $company]], $session);
echo "read company $company: {$read['values'][$company]['name']}\n";

// An Auth Key for this user: the reply is the only time the key is shown. Then a call with the key alone.
$key = post($http, '/rest/ops/create/authinfo', ['values' => ['contact_id' => $user['id']]], $session)['values'][0];
echo "made Auth Key {$key['id']}\n";
$asKey = post($http, '/rest/auth/', new stdClass(), ['headers' => ['Authorization' => "token auth={$key['token']}"]]);
echo "the key acts as {$asKey['user']['login']}\n";

// Revoke the key and end the session.
post($http, '/rest/ops/delete/authinfo', ['scope' => ['id' => $key['id']]], $session);
echo "revoked Auth Key {$key['id']}\n";
post($http, '/rest/auth/logout', ['auth' => ['type' => 'auth']], $session);
echo "logged out\n";
