/**
 * Stands for `react-devtools-core` in the bundled UI (`dist/ui.js`): Ink
 * imports it only for `DEV=true` sessions, and Leibniz does not ship it.
 */
const devtools = { initialize: (): void => undefined, connectToDevTools: (): void => undefined };
export default devtools;
