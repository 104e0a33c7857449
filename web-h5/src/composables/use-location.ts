import { ref } from 'vue';

export interface Coordinates {
  latitude: number;
  longitude: number;
}

/** A failure whose message can be shown to the user as is. */
export class LocationError extends Error {
  override name = 'LocationError';
}

const TIMEOUT_MS = 15_000;

// ~0.1 m: more digits are noise from a phone.
const round = (value: number): number => Math.round(value * 1e6) / 1e6;

function isWeChat(): boolean {
  return navigator.userAgent.includes('MicroMessenger');
}

function fromWeChat(getLocation: WeChatJsSdk['getLocation']): Promise<Coordinates> {
  return new Promise((resolve, reject) => {
    getLocation({
      type: 'wgs84',
      success: ({ latitude, longitude }) => resolve({ latitude, longitude }),
      fail: () => reject(new LocationError('微信定位失败，请检查定位权限或手动填写地址')),
      cancel: () => reject(new LocationError('已取消定位')),
    });
  });
}

const GEO_ERRORS: Record<number, string> = {
  1: '定位权限被拒绝，请在设置中允许定位或手动填写地址',
  2: '暂时无法获取位置，请稍后重试或手动填写地址',
  3: '定位超时，请稍后重试或手动填写地址',
};

function fromBrowser(): Promise<Coordinates> {
  if (!('geolocation' in navigator)) {
    return Promise.reject(new LocationError('当前浏览器不支持定位，请手动填写地址'));
  }
  return new Promise((resolve, reject) => {
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => resolve({ latitude: coords.latitude, longitude: coords.longitude }),
      (error) => reject(new LocationError(GEO_ERRORS[error.code] ?? '定位失败，请手动填写地址')),
      { enableHighAccuracy: true, timeout: TIMEOUT_MS, maximumAge: 60_000 },
    );
  });
}

/** Locates the phone: WeChat's JS-SDK inside WeChat when the page configured it, the browser otherwise. */
export function useLocation() {
  const locating = ref(false);

  async function locate(): Promise<Coordinates> {
    locating.value = true;
    try {
      const getLocation = window.wx?.getLocation;
      const position =
        isWeChat() && getLocation ? await fromWeChat(getLocation.bind(window.wx)) : await fromBrowser();
      return { latitude: round(position.latitude), longitude: round(position.longitude) };
    } finally {
      locating.value = false;
    }
  }

  return { locating, locate };
}
