export { bootPlatform, freePort, type BootedPlatform } from '../../scripts/lib/platform.ts';
