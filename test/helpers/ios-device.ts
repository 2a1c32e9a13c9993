import { build, parse } from 'plist';
import { type Identity, selfSignedIdentity, signedData } from './cms.js';

/** What Safari on an iPhone sends, and what the install daemon sends when it fetches a manifest after the tap. */
export const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
export const IOS_INSTALL_DAEMON =
  'com.apple.appstored/1.0 iOS/17.4 model/iPhone14,2 hwp/t8110 build/21E236 (6; dt:270) AMS/1';

export interface ProfileAnswer {
  /** The profile's URL, where iOS posts the answer. */
  url: string;
  contentType: 'application/pkcs7-signature';
  body: Buffer;
}

/**
 * An iPhone as far as over-the-air enrollment sees it: it installs a Profile Service profile, checks it the way iOS
 * refuses broken ones, and answers with the attributes the profile asks for plus the challenge, as an XML plist
 * signed with its device identity (a self-signed stand-in for Apple's device certificate).
 */
export class FakeIosDevice {
  private constructor(
    readonly attributes: { UDID: string; PRODUCT: string; VERSION: string; DEVICE_NAME: string },
    private readonly identity: Identity,
  ) {}

  static async create(attributes: Partial<FakeIosDevice['attributes']> = {}): Promise<FakeIosDevice> {
    const udid = attributes.UDID ?? '00008110-000A1C2E3E08801E';
    return new FakeIosDevice(
      { UDID: udid, PRODUCT: 'iPhone14,2', VERSION: '21E236', DEVICE_NAME: 'QA iPhone', ...attributes },
      await selfSignedIdentity(`Device ${udid.slice(-6)}`, 'Apple iPhone Device'),
    );
  }

  async answerProfile(mobileconfig: string): Promise<ProfileAnswer> {
    const profile = parse(mobileconfig) as Record<string, unknown>;
    for (const key of ['PayloadUUID', 'PayloadIdentifier', 'PayloadDisplayName']) {
      if (typeof profile[key] !== 'string' || profile[key] === '')
        throw new Error(`invalid profile: no ${key}`);
    }
    if (profile.PayloadType !== 'Profile Service' || profile.PayloadVersion !== 1) {
      throw new Error('invalid profile: not a version 1 Profile Service');
    }
    const content = profile.PayloadContent as {
      URL?: unknown;
      Challenge?: unknown;
      DeviceAttributes?: unknown;
    };
    if (typeof content?.URL !== 'string' || !Array.isArray(content.DeviceAttributes)) {
      throw new Error('invalid profile: PayloadContent needs URL and DeviceAttributes');
    }
    const answer: Record<string, string> = {};
    for (const name of content.DeviceAttributes as string[]) {
      const value = this.attributes[name as keyof FakeIosDevice['attributes']];
      if (value !== undefined) answer[name] = value;
    }
    if (typeof content.Challenge === 'string') answer.CHALLENGE = content.Challenge;
    return {
      url: content.URL,
      contentType: 'application/pkcs7-signature',
      body: await signedData(Buffer.from(build(answer)), this.identity),
    };
  }
}
