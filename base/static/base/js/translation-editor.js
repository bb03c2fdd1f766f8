/*
 * wagtail-localize's translation editor (React) writes two texts in English, outside its
 * JavaScript catalogue: the heading of each tab ("Español to English translation") and the
 * screen-reader label of its "more actions" menu. This replaces them with the texts its
 * template override (base/templates/wagtail_localize/admin/edit_translation.html) gives in the
 * admin's language, whenever the editor renders them.
 */
(() => {
  const data = document.currentScript.dataset;
  const replacements = new Map([
    [data.englishHeading, data.heading],
    [data.englishMoreActions, data.moreActions],
  ]);

  const translate = (editor) => {
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const replacement = replacements.get(node.nodeValue.trim());
      if (replacement !== undefined && replacement !== node.nodeValue) {
        node.nodeValue = replacement;
      }
    }
  };

  // The admin loads this script in the page's head, before the editor's element exists; React
  // renders the editor after DOMContentLoaded, and again when tabs or segments change.
  document.addEventListener("DOMContentLoaded", () => {
    const editor = document.querySelector(".js-translation-editor");
    if (editor) {
      new MutationObserver(() => translate(editor)).observe(editor, {
        childList: true,
        subtree: true,
        characterData: true,
      });
      translate(editor);
    }
  });
})();
