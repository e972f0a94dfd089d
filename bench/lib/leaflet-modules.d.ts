/** leaflet and leaflet.heat ship without types (and only the render bench uses them, as plain JavaScript). */
declare module 'leaflet';
declare module 'leaflet.heat';
