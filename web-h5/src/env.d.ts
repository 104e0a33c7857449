/// <reference types="vite/client" />

declare global {
  interface ImportMetaEnv {
    /** Directus origin when the H5 is not served from it (defaults to the page's own origin). */
    readonly VITE_API_ORIGIN?: string;
  }

  /** The part of the WeChat JS-SDK the H5 uses; present only when the official account injected it. */
  interface WeChatLocation {
    latitude: number;
    longitude: number;
    accuracy?: number;
  }

  interface WeChatJsSdk {
    getLocation(options: {
      type?: 'wgs84' | 'gcj02';
      success: (result: WeChatLocation) => void;
      fail?: (error: { errMsg?: string }) => void;
      cancel?: () => void;
    }): void;
  }

  interface Window {
    wx?: Partial<WeChatJsSdk>;
  }
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Title shown in the nav bar and the document title. */
    title?: string;
    /** Reachable without logging in. */
    public?: boolean;
  }
}

export {};
