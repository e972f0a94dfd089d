/**
 * A STAND-IN for an ONVIF PTZ camera (no real camera can be reached from this machine): a real HTTP server speaking
 * the SOAP the npm `onvif` Cam sends — GetSystemDateAndTime (unauthenticated, as the spec allows), GetServices,
 * GetProfiles, GetVideoSources, GetPresets, RelativeMove, Stop, GotoPreset, SetPreset — and checking each request's
 * WS-Security UsernameToken digest (base64(sha1(nonce + created + password))) like a camera does. It records what it
 * received so a test can check the moves, presets and account a driver sent. Presets live in its memory.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandinRequest {
  readonly path: string;
  /** The SOAP body's operation, e.g. `RelativeMove`. */
  readonly action: string;
  /** The WS-Security username sent, if any. */
  readonly username: string | null;
  /** The digest matched the camera's account. */
  readonly authenticated: boolean;
  /** The raw SOAP envelope received. */
  readonly body: string;
}

export interface OnvifCameraStandin {
  /** The device service address, as an operator would type it. */
  readonly url: string;
  readonly requests: StandinRequest[];
  /** The requests of one operation, in order. */
  of(action: string): StandinRequest[];
  readonly presets: Map<string, string>; // token → name
  close(): Promise<void>;
}

const NS =
  'xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" ' +
  'xmlns:trt="http://www.onvif.org/ver10/media/wsdl" xmlns:tptz="http://www.onvif.org/ver20/ptz/wsdl" ' +
  'xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:ter="http://www.onvif.org/ver10/error"';
const envelope = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><s:Envelope ${NS}><s:Body>${body}</s:Body></s:Envelope>`;
const notAuthorized = envelope(
  '<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:NotAuthorized</s:Value></s:Subcode>' +
    '</s:Code><s:Reason><s:Text xml:lang="en">Sender not Authorized</s:Text></s:Reason></s:Fault>',
);
const tag = (xml: string, name: string) => new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>([^<]*)<`).exec(xml)?.[1] ?? null;

function digestOk(body: string, account: { username: string; password: string }): boolean {
  const username = tag(body, 'Username');
  const digest = tag(body, 'Password');
  const nonce = tag(body, 'Nonce');
  const created = tag(body, 'Created');
  if (username !== account.username || !digest || !nonce || !created) return false;
  const expected = createHash('sha1')
    .update(Buffer.concat([Buffer.from(nonce, 'base64'), Buffer.from(created), Buffer.from(account.password)]))
    .digest('base64');
  return expected === digest;
}

export async function startOnvifCameraStandin(account: {
  username: string;
  password: string;
}): Promise<OnvifCameraStandin> {
  const requests: StandinRequest[] = [];
  const presets = new Map<string, string>();
  let base = '';
  const answers: Record<string, (body: string) => string> = {
    GetSystemDateAndTime: () => {
      const d = new Date();
      return (
        '<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType>' +
        '<tt:DaylightSavings>false</tt:DaylightSavings><tt:UTCDateTime>' +
        `<tt:Time><tt:Hour>${d.getUTCHours()}</tt:Hour><tt:Minute>${d.getUTCMinutes()}</tt:Minute>` +
        `<tt:Second>${d.getUTCSeconds()}</tt:Second></tt:Time><tt:Date><tt:Year>${d.getUTCFullYear()}</tt:Year>` +
        `<tt:Month>${d.getUTCMonth() + 1}</tt:Month><tt:Day>${d.getUTCDate()}</tt:Day></tt:Date>` +
        '</tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>'
      );
    },
    GetServices: () =>
      '<tds:GetServicesResponse>' +
      [
        ['http://www.onvif.org/ver10/device/wsdl', '/onvif/device_service'],
        ['http://www.onvif.org/ver10/media/wsdl', '/onvif/media_service'],
        ['http://www.onvif.org/ver20/ptz/wsdl', '/onvif/ptz_service'],
      ]
        .map(
          ([ns, path]) =>
            `<tds:Service><tds:Namespace>${ns}</tds:Namespace><tds:XAddr>${base}${path}</tds:XAddr>` +
            '<tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service>',
        )
        .join('') +
      '</tds:GetServicesResponse>',
    GetProfiles: () =>
      '<trt:GetProfilesResponse><trt:Profiles token="profile_main" fixed="true"><tt:Name>main</tt:Name>' +
      '<tt:VideoSourceConfiguration token="vsc_a"><tt:Name>vsc</tt:Name><tt:UseCount>1</tt:UseCount>' +
      '<tt:SourceToken>source_a</tt:SourceToken><tt:Bounds x="0" y="0" width="1920" height="1080"/>' +
      '</tt:VideoSourceConfiguration><tt:VideoEncoderConfiguration token="vec_a"><tt:Name>h264</tt:Name>' +
      '<tt:UseCount>1</tt:UseCount><tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>1920</tt:Width>' +
      '<tt:Height>1080</tt:Height></tt:Resolution><tt:Quality>5</tt:Quality></tt:VideoEncoderConfiguration>' +
      '<tt:PTZConfiguration token="ptz_a"><tt:Name>ptz</tt:Name><tt:UseCount>1</tt:UseCount>' +
      '<tt:NodeToken>node_a</tt:NodeToken></tt:PTZConfiguration></trt:Profiles></trt:GetProfilesResponse>',
    GetVideoSources: () =>
      '<trt:GetVideoSourcesResponse><trt:VideoSources token="source_a"><tt:Framerate>25</tt:Framerate>' +
      '<tt:Resolution><tt:Width>1920</tt:Width><tt:Height>1080</tt:Height></tt:Resolution></trt:VideoSources>' +
      '</trt:GetVideoSourcesResponse>',
    GetPresets: () =>
      '<tptz:GetPresetsResponse>' +
      [...presets]
        .map(([token, name]) => `<tptz:Preset token="${token}"><tt:Name>${name}</tt:Name></tptz:Preset>`)
        .join('') +
      '</tptz:GetPresetsResponse>',
    SetPreset: (body) => {
      const token = tag(body, 'PresetToken') ?? `preset_${presets.size + 1}`;
      presets.set(token, tag(body, 'PresetName') ?? '');
      return `<tptz:SetPresetResponse><tptz:PresetToken>${token}</tptz:PresetToken></tptz:SetPresetResponse>`;
    },
    GotoPreset: () => '<tptz:GotoPresetResponse/>',
    RelativeMove: () => '<tptz:RelativeMoveResponse/>',
    Stop: () => '<tptz:StopResponse/>',
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const action = /<(?:\w+:)?Body\b[^>]*>\s*<(?:\w+:)?(\w+)/.exec(body)?.[1] ?? '';
      const authenticated = digestOk(body, account);
      requests.push({ path: req.url ?? '', action, username: tag(body, 'Username'), authenticated, body });
      const answer = answers[action];
      const send = (status: number, xml: string) => {
        res.writeHead(status, { 'content-type': 'application/soap+xml; charset=utf-8' });
        res.end(xml);
      };
      // Only the clock may be read without the account (ONVIF core spec 5.9.4.5): the client needs it to sign.
      if (action !== 'GetSystemDateAndTime' && !authenticated) return send(400, notAuthorized);
      if (!answer)
        return send(400, envelope('<s:Fault><s:Reason><s:Text>not implemented</s:Text></s:Reason></s:Fault>'));
      send(200, envelope(answer(body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/onvif/device_service`,
    requests,
    of: (action) => requests.filter((r) => r.action === action),
    presets,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
