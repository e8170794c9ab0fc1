export const LINUX_SIZES: number[];
export const ICO_SIZES: number[];
export const MAIN_SIZE: number;
export const FAVICON: string;
export function renderPng(svg: Buffer | string, size: number): Buffer;
export function generateIcons(options?: { source?: string; outDir?: string; publicDir?: string }): Promise<string[]>;
