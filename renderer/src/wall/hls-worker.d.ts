/** Vite's `?url` import: the built URL of a file copied into the renderer's assets. */
declare module 'hls.js/dist/hls.worker.js?url' {
  const url: string;
  export default url;
}
