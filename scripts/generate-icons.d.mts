export const LINUX_SIZES: number[];
export const ICO_SIZES: number[];
export const MAIN_SIZE: number;
export function renderPng(svg: Buffer | string, size: number): Buffer;
export function generateIcons(options?: { source?: string; outDir?: string }): Promise<string[]>;
