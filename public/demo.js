// The demo page: a small phone-number console over the gateway's /graphql
// (same origin, never Cartesia). It lists, searches and pages numbers, and
// provisions, imports, relabels, assigns, unassigns and deletes them. Plain
// browser JavaScript, no build step. Every value from the API is rendered
// with textContent, never as HTML: labels can contain markup-like text such
// as `<b>Sales</b> & "VIP"`.
//
// Writes update the list from their payloads (the new edge is inserted, the
// returned number replaces its row, a deleted id removes its row): the list
// is never fetched again after a write.
'use strict';

(() => {
  const PAGE_SIZE = 20;
  const AGENTS_PAGE_SIZE = 100;
  /** How many Twilio numbers are read at start to find the account's linked Twilio accounts. */
  const PROVIDER_DISCOVERY_SIZE = 100;
  /** The import form's account option for a linked account the page has not seen (entered by SID). */
  const OTHER_ACCOUNT = 'other';

  // ---------------------------------------------------------------------------
  // Operations

  const PHONE_NUMBER_FIELDS = `
    fragment DemoPhoneNumberFields on PhoneNumber {
      id
      label
      number
      agent { id name }
      provider {
        __typename
        ... on TwilioProvider { id accountSid region }
      }
    }
  `;

  const USER_ERRORS = 'userErrors { code field message }';

  const PHONE_NUMBERS = `
    query DemoPhoneNumbers($filter: PhoneNumberFilter, $first: Int, $after: String, $last: Int, $before: String) {
      phoneNumbers(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
        edges { cursor node { ...DemoPhoneNumberFields } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
    ${PHONE_NUMBER_FIELDS}
  `;

  const AGENTS = `
    query DemoAgents($first: Int, $after: String) {
      agents(first: $first, after: $after) {
        nodes { id name }
        pageInfo { hasNextPage endCursor }
      }
    }
  `;

  const USAGE = `
    query DemoProvisioningUsage {
      phoneNumberProvisioningUsage { monthlyUsage monthlyLimit remaining }
    }
  `;

  // The schema has no list of provider links: the page learns them from the numbers that use them.
  const TWILIO_PROVIDERS = `
    query DemoTwilioProviders($first: Int) {
      phoneNumbers(filter: { type: TWILIO }, first: $first) {
        nodes { provider { __typename ... on TwilioProvider { id accountSid region } } }
      }
    }
  `;

  /** A mutation document whose payload carries the written number as `phoneNumber`. */
  const numberMutation = (name, inputType) => `
    mutation Demo${inputType}($input: ${inputType}!) {
      ${name}(input: $input) {
        clientMutationId
        phoneNumber { ...DemoPhoneNumberFields }
        ${USER_ERRORS}
      }
    }
    ${PHONE_NUMBER_FIELDS}
  `;

  /** A mutation document whose payload carries the created number as an edge. */
  const createMutation = (name, inputType) => `
    mutation Demo${inputType}($input: ${inputType}!) {
      ${name}(input: $input) {
        clientMutationId
        phoneNumberEdge { cursor node { ...DemoPhoneNumberFields } }
        ${USER_ERRORS}
      }
    }
    ${PHONE_NUMBER_FIELDS}
  `;

  const MUTATIONS = {
    provision: {
      name: 'provisionPhoneNumber',
      query: createMutation('provisionPhoneNumber', 'ProvisionPhoneNumberInput'),
    },
    import: { name: 'importPhoneNumber', query: createMutation('importPhoneNumber', 'ImportPhoneNumberInput') },
    relabel: { name: 'updatePhoneNumber', query: numberMutation('updatePhoneNumber', 'UpdatePhoneNumberInput') },
    assign: {
      name: 'assignAgentToPhoneNumber',
      query: numberMutation('assignAgentToPhoneNumber', 'AssignAgentToPhoneNumberInput'),
    },
    unassign: {
      name: 'unassignAgentFromPhoneNumber',
      query: numberMutation('unassignAgentFromPhoneNumber', 'UnassignAgentFromPhoneNumberInput'),
    },
    delete: {
      name: 'deletePhoneNumber',
      query: `
        mutation DemoDeletePhoneNumberInput($input: DeletePhoneNumberInput!) {
          deletePhoneNumber(input: $input) { clientMutationId deletedPhoneNumberId ${USER_ERRORS} }
        }
      `,
    },
  };

  const REGION_NAMES = { US1: 'United States', IE1: 'Ireland', AU1: 'Australia' };

  // ---------------------------------------------------------------------------
  // The page's elements and state

  const $ = (id) => document.getElementById(id);
  const ui = {
    form: $('filters'),
    search: $('search'),
    type: $('type'),
    agent: $('agent'),
    error: $('error'),
    status: $('status'),
    list: $('numbers'),
    listHeading: $('numbers-heading'),
    previous: $('previous'),
    loadMore: $('load-more'),
    next: $('next'),
    provisionForm: $('provision-form'),
    usageMeter: $('usage-meter'),
    usageText: $('usage-text'),
    importForm: $('import-form'),
    importAccount: $('import-account'),
    importOtherAccount: $('import-other-account'),
    deleteDialog: $('confirm-delete'),
    deleteHeading: $('confirm-delete-heading'),
    deleteCancel: $('confirm-delete-cancel'),
    deleteConfirm: $('confirm-delete-ok'),
    activity: $('activity'),
    activityFailure: $('activity-failure'),
    activityError: $('activity-error'),
    activityDismiss: $('activity-dismiss'),
  };

  /** The filter the list was loaded with, and the ends of what is on screen. */
  const state = {
    filter: {},
    rows: 0,
    start: { cursor: null, hasPrevious: false },
    end: { cursor: null, hasNext: false },
    loading: false,
  };
  /** Every agent known (id -> name): the agent filter's and the pickers' options. */
  const knownAgents = new Map();
  /** Every Twilio provider link seen (id -> { id, accountSid, region }): the import form's accounts. */
  const knownProviders = new Map();
  /** The phone number each row on screen shows (row element -> PhoneNumber). */
  const rowNumbers = new WeakMap();
  /** The number the delete dialog asks about. */
  const deletion = { phoneNumber: null };

  // ---------------------------------------------------------------------------
  // Talking to the gateway

  /** A GraphQL failure the page can show: message, code, request id. */
  class GatewayError extends Error {
    constructor(message, code, requestId) {
      super(message);
      this.code = code;
      this.requestId = requestId;
    }
  }

  async function post(body) {
    try {
      return await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
    } catch {
      throw new GatewayError('The gateway cannot be reached. Is it running?', 'NETWORK_ERROR');
    }
  }

  async function readBody(response) {
    try {
      return await response.json();
    } catch {
      throw new GatewayError(
        `The gateway answered HTTP ${response.status} without a GraphQL response.`,
        'BAD_RESPONSE',
      );
    }
  }

  /** Runs one operation; its `data`, or a GatewayError for a network failure or any top-level error. */
  async function graphql(query, variables) {
    const body = await readBody(await post({ query, variables }));
    const [error] = body.errors || [];
    if (error) {
      const extensions = error.extensions || {};
      throw new GatewayError(error.message, extensions.code || 'UNKNOWN', extensions.requestId);
    }
    if (!body.data) throw new GatewayError('The gateway answered without data.', 'BAD_RESPONSE');
    return body.data;
  }

  const asGatewayError = (error) =>
    error instanceof GatewayError ? error : new GatewayError(String(error), 'CLIENT_ERROR');

  /** A random UUID; crypto.randomUUID needs a secure context, getRandomValues does not (e.g. http://192.168.x.y). */
  function uuid() {
    if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // ---------------------------------------------------------------------------
  // Small DOM helpers

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function option(value, text) {
    const node = element('option', '', text);
    node.value = value;
    return node;
  }

  function button(text, { name, className, type = 'button', onClick } = {}) {
    const node = element('button', className, text);
    node.type = type;
    if (name) node.setAttribute('aria-label', name);
    if (onClick) node.addEventListener('click', onClick);
    return node;
  }

  /** A label, a control and the place its user errors go, wired by ids. */
  function field(labelText, control, id) {
    const wrapper = element('div', 'field');
    const label = element('label', '', labelText);
    const error = element('p', 'field-error');
    control.id = id;
    label.htmlFor = id;
    error.id = `${id}-error`;
    error.hidden = true;
    control.setAttribute('aria-describedby', error.id);
    wrapper.append(label, control, error);
    return wrapper;
  }

  function formError() {
    const node = element('p', 'form-error');
    node.setAttribute('role', 'alert');
    node.dataset.formError = '';
    node.hidden = true;
    return node;
  }

  const quoted = (label) => (label === null || label === '' ? '' : ` “${label}”`);

  // ---------------------------------------------------------------------------
  // The activity area: what the last write did, and failures that have no field

  function clearFailure() {
    ui.activityFailure.hidden = true;
    ui.activityError.replaceChildren();
  }

  function announce(text) {
    clearFailure();
    ui.activity.textContent = text;
  }

  /** Shows a top-level GraphQL error or a network failure; never silent. */
  function reportFailure(what, error) {
    const failure = asGatewayError(error);
    ui.activity.textContent = '';
    ui.activityError.replaceChildren(
      element('strong', '', `${what} `),
      document.createTextNode(failure.message),
      element('span', 'error__code', ` (${failure.code}${failure.requestId ? `, request ${failure.requestId}` : ''})`),
    );
    ui.activityFailure.hidden = false;
  }

  // ---------------------------------------------------------------------------
  // User errors next to their fields

  /** The visible control whose `data-field` is the error's path (or lies under it); null when none does. */
  function controlFor(container, path) {
    if (!Array.isArray(path)) return null;
    const controls = Array.from(container.querySelectorAll('[data-field]')).filter((c) => !c.closest('[hidden]'));
    for (let length = path.length; length > 0; length -= 1) {
      const key = path.slice(0, length).join('.');
      const match =
        controls.find((control) => control.dataset.field === key) ||
        controls.find((control) => control.dataset.field.startsWith(`${key}.`));
      if (match) return match;
    }
    return null;
  }

  function showMessage(target, userError) {
    const messages = target.hidden ? [] : [target.textContent];
    target.textContent = [...messages, userError.message].join(' ');
    target.dataset.code = userError.code;
    target.hidden = false;
  }

  /** Puts each user error next to its input (or at the form's foot) and focuses the first input at fault. */
  function showUserErrors(container, userErrors) {
    let first = null;
    for (const userError of userErrors) {
      const control = controlFor(container, userError.field);
      if (control) {
        control.setAttribute('aria-invalid', 'true');
        showMessage(control.closest('.field').querySelector('.field-error'), userError);
        first = first || control;
      } else {
        showMessage(container.querySelector('[data-form-error]'), userError);
      }
    }
    if (first) first.focus();
  }

  function clearUserErrors(container) {
    for (const node of container.querySelectorAll('.field-error, [data-form-error]')) {
      node.hidden = true;
      node.textContent = '';
      delete node.dataset.code;
    }
    for (const control of container.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  }

  function setBusy(container, busy) {
    container.setAttribute('aria-busy', String(busy));
    for (const node of container.querySelectorAll('button')) node.disabled = busy;
  }

  /**
   * Sends one write from `container` (a form or the dialog). Resolves with
   * `{ payload }` when it succeeded, `{ refused: true }` when it came back with
   * user errors (shown next to their fields), `{ failed: true }` on a
   * top-level error or a network failure (shown in the activity area).
   */
  async function write(container, mutation, input, failureText) {
    clearUserErrors(container);
    clearFailure();
    setBusy(container, true);
    const clientMutationId = uuid();
    try {
      const data = await graphql(mutation.query, { input: { ...input, clientMutationId } });
      const payload = data[mutation.name];
      if (payload.clientMutationId !== clientMutationId) {
        throw new GatewayError('The gateway answered for another request.', 'BAD_RESPONSE');
      }
      if (payload.userErrors.length > 0) {
        showUserErrors(container, payload.userErrors);
        return { refused: true };
      }
      return { payload };
    } catch (error) {
      reportFailure(failureText, error);
      return { failed: true };
    } finally {
      setBusy(container, false);
    }
  }

  // ---------------------------------------------------------------------------
  // Rows

  function providerBadge(provider) {
    if (provider.__typename === 'TwilioProvider') {
      const badge = element('span', 'badge badge--twilio', `Twilio · ${provider.region}`);
      badge.title = `Twilio, region ${REGION_NAMES[provider.region] || provider.region}`;
      return badge;
    }
    return element('span', 'badge badge--cartesia', 'Cartesia');
  }

  function agentCell(agent) {
    if (!agent) return element('span', 'number__agent number__agent--none', 'Unassigned');
    const filterButton = button(agent.name, {
      className: 'number__agent',
      onClick: () => {
        ui.agent.value = agent.id;
        search();
      },
    });
    filterButton.title = `Only numbers of ${agent.name}`;
    return filterButton;
  }

  function labelCell(label) {
    return label === null
      ? element('span', 'number__label number__label--empty', 'No label')
      : element('span', 'number__label', label);
  }

  function rowActions(phoneNumber) {
    const actions = element('div', 'number__actions');
    const { id, number } = phoneNumber;
    const rename = button('Rename', { name: `Rename ${number}`, onClick: () => openEditor(id, relabelEditor) });
    const agent = button('Agent', { name: `Change agent of ${number}`, onClick: () => openEditor(id, agentEditor) });
    const remove = button('Delete', { name: `Delete ${number}`, className: 'danger', onClick: () => askDelete(id) });
    rename.dataset.action = 'rename';
    agent.dataset.action = 'agent';
    remove.dataset.action = 'delete';
    actions.append(rename, agent, remove);
    return actions;
  }

  function row(phoneNumber) {
    const item = element('li', 'number');
    item.dataset.id = phoneNumber.id;
    item.append(
      element('span', 'number__e164', phoneNumber.number),
      labelCell(phoneNumber.label),
      agentCell(phoneNumber.agent),
      providerBadge(phoneNumber.provider),
      rowActions(phoneNumber),
    );
    rowNumbers.set(item, phoneNumber);
    return item;
  }

  function rowFor(id) {
    return Array.from(ui.list.children).find((item) => item.dataset.id === id) || null;
  }

  function focusAction(id, action) {
    const item = rowFor(id);
    const target = item && item.querySelector(`[data-action="${action}"]`);
    if (target) target.focus();
  }

  // ---------------------------------------------------------------------------
  // The list, updated from write payloads

  /** A created number goes on top (the list is newest first), marked new. */
  function insertNumber(edge) {
    remember([edge.node]);
    const item = row(edge.node);
    item.classList.add('number--new');
    ui.list.prepend(item);
    state.rows += 1;
    render();
  }

  /** Shows the number as a write returned it, in place. */
  function replaceNumber(phoneNumber) {
    remember([phoneNumber]);
    const item = rowFor(phoneNumber.id);
    if (!item) return;
    const fresh = row(phoneNumber);
    if (item.classList.contains('number--new')) fresh.classList.add('number--new');
    item.replaceWith(fresh);
  }

  function removeNumber(id) {
    const item = rowFor(id);
    if (!item) return;
    item.remove();
    state.rows -= 1;
    render();
  }

  // ---------------------------------------------------------------------------
  // Agents and providers: the pickers' options

  const byName = ([, a], [, b]) => a.localeCompare(b);

  /** Refills a select with its first (placeholder) options kept, then `options`, keeping the selection. */
  function refill(select, keep, options) {
    const selected = select.value;
    select.replaceChildren(...Array.from(select.options).slice(0, keep), ...options);
    select.value = selected;
    if (select.value !== selected) select.value = '';
  }

  function agentOptions() {
    return [...knownAgents].sort(byName).map(([id, name]) => option(id, name));
  }

  function renderAgentPickers() {
    refill(ui.agent, 1, agentOptions());
    for (const picker of document.querySelectorAll('[data-agent-picker]')) refill(picker, 1, agentOptions());
  }

  function providerName(provider) {
    const sid = provider.accountSid;
    return `${provider.region} · ${sid.slice(0, 6)}…${sid.slice(-4)}`;
  }

  function renderProviderOptions() {
    const options = [...knownProviders.values()]
      .sort((a, b) => a.region.localeCompare(b.region) || a.accountSid.localeCompare(b.accountSid))
      .map((provider) => option(provider.id, providerName(provider)));
    const [placeholder, other] = [
      ui.importAccount.options[0],
      ui.importAccount.querySelector(`[value="${OTHER_ACCOUNT}"]`),
    ];
    const selected = ui.importAccount.value;
    ui.importAccount.replaceChildren(placeholder, ...options, other);
    ui.importAccount.value = selected;
  }

  /** Learns the agents and Twilio links these numbers use; refreshes the pickers when something is new. */
  function remember(phoneNumbers) {
    let agentsAdded = false;
    let providersAdded = false;
    for (const { agent, provider } of phoneNumbers) {
      if (agent && !knownAgents.has(agent.id)) {
        knownAgents.set(agent.id, agent.name);
        agentsAdded = true;
      }
      if (provider && provider.__typename === 'TwilioProvider' && !knownProviders.has(provider.id)) {
        knownProviders.set(provider.id, provider);
        providersAdded = true;
      }
    }
    if (agentsAdded) renderAgentPickers();
    if (providersAdded) renderProviderOptions();
  }

  async function loadAgents() {
    try {
      let after = null;
      do {
        const { agents } = await graphql(AGENTS, { first: AGENTS_PAGE_SIZE, after });
        for (const agent of agents.nodes) knownAgents.set(agent.id, agent.name);
        after = agents.pageInfo.hasNextPage ? agents.pageInfo.endCursor : null;
      } while (after);
      renderAgentPickers();
    } catch (error) {
      reportFailure('Could not load the agents.', error);
    }
  }

  async function loadTwilioProviders() {
    try {
      const { phoneNumbers } = await graphql(TWILIO_PROVIDERS, { first: PROVIDER_DISCOVERY_SIZE });
      remember(phoneNumbers.nodes);
    } catch (error) {
      reportFailure('Could not load the linked Twilio accounts.', error);
    }
  }

  // ---------------------------------------------------------------------------
  // The provisioning meter

  function renderUsage({ monthlyLimit, remaining }) {
    ui.usageMeter.max = Math.max(monthlyLimit, 1);
    ui.usageMeter.value = remaining;
    ui.usageMeter.low = Math.min(1, monthlyLimit) + 0.5;
    ui.usageMeter.optimum = monthlyLimit;
    ui.usageText.textContent = `${remaining} of ${monthlyLimit} left this month`;
  }

  async function loadUsage() {
    try {
      const { phoneNumberProvisioningUsage } = await graphql(USAGE);
      renderUsage(phoneNumberProvisioningUsage);
    } catch (error) {
      ui.usageText.textContent = 'This month’s allowance is unknown.';
      reportFailure('Could not load this month’s provisioning allowance.', error);
    }
  }

  // ---------------------------------------------------------------------------
  // Add a number (provision)

  function provisionInput(form) {
    const input = { label: form.elements.label.value, idempotencyKey: uuid() };
    if (form.elements.agentId.value) input.agentId = form.elements.agentId.value;
    return input;
  }

  async function provision(event) {
    event.preventDefault();
    const form = ui.provisionForm;
    const { payload } = await write(form, MUTATIONS.provision, provisionInput(form), 'Could not add the number.');
    if (!payload) return;
    const { node } = payload.phoneNumberEdge;
    insertNumber(payload.phoneNumberEdge);
    form.reset();
    announce(`Added ${node.number}${quoted(node.label)}.`);
    await loadUsage();
  }

  // ---------------------------------------------------------------------------
  // Import a Twilio number

  function showOtherAccount() {
    ui.importOtherAccount.hidden = ui.importAccount.value !== OTHER_ACCOUNT;
  }

  /** providerId for a known link, twilioAccount for one entered by SID; neither when none is chosen (the gateway says so). */
  function importAccount(elements) {
    const account = elements.providerId.value;
    if (account === OTHER_ACCOUNT) {
      return { twilioAccount: { accountSid: elements.accountSid.value, region: elements.region.value } };
    }
    return account ? { providerId: account } : {};
  }

  function importInput(form) {
    const { elements } = form;
    const input = {
      label: elements.label.value,
      number: elements.number.value,
      ...importAccount(elements),
      idempotencyKey: uuid(),
    };
    if (elements.agentId.value) input.agentId = elements.agentId.value;
    return input;
  }

  async function importNumber(event) {
    event.preventDefault();
    const form = ui.importForm;
    const { payload } = await write(form, MUTATIONS.import, importInput(form), 'Could not import the number.');
    if (!payload) return;
    const { node } = payload.phoneNumberEdge;
    insertNumber(payload.phoneNumberEdge);
    // The account stays chosen: the next import is likely from the same one.
    form.elements.label.value = '';
    form.elements.number.value = '';
    announce(`Imported ${node.number}${quoted(node.label)}.`);
  }

  // ---------------------------------------------------------------------------
  // Editing a row in place: relabel, change agent

  function closeEditor(item) {
    const editor = item && item.querySelector('.row-editor');
    if (!editor) return;
    editor.remove();
    item.classList.remove('number--editing');
  }

  function closeEditors() {
    for (const item of ui.list.querySelectorAll('.number--editing')) closeEditor(item);
  }

  /** A form under a row: its fields, a place for errors, Save and Cancel; Escape cancels. */
  function editorForm(phoneNumber, { name, fields, saveText, action, onSubmit }) {
    const form = element('form', 'row-editor');
    form.noValidate = true;
    form.setAttribute('aria-label', name);
    const cancel = () => {
      closeEditor(rowFor(phoneNumber.id));
      focusAction(phoneNumber.id, action);
    };
    const actions = element('div', 'form-actions');
    actions.append(button(saveText, { type: 'submit' }), button('Cancel', { onClick: cancel }));
    form.append(...fields, formError(), actions);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      onSubmit(form);
    });
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') cancel();
    });
    return form;
  }

  async function saveRelabel(form, phoneNumber) {
    const input = { id: phoneNumber.id, label: form.elements.label.value };
    const { payload } = await write(form, MUTATIONS.relabel, input, `Could not relabel ${phoneNumber.number}.`);
    if (!payload) return;
    replaceNumber(payload.phoneNumber);
    focusAction(phoneNumber.id, 'rename');
    announce(`Relabelled ${payload.phoneNumber.number}${quoted(payload.phoneNumber.label)}.`);
  }

  function relabelEditor(phoneNumber) {
    const input = element('input');
    input.name = 'label';
    input.value = phoneNumber.label || '';
    input.autocomplete = 'off';
    input.dataset.field = 'input.label';
    const labelField = field(`Label for ${phoneNumber.number}`, input, `relabel-${phoneNumber.id}`);
    return editorForm(phoneNumber, {
      name: `Relabel ${phoneNumber.number}`,
      fields: [labelField],
      saveText: 'Save label',
      action: 'rename',
      onSubmit: (form) => saveRelabel(form, phoneNumber),
    });
  }

  /** Assigns the chosen agent, or unassigns when "No agent" is chosen. */
  async function saveAgent(form, phoneNumber) {
    const agentId = form.elements.agentId.value;
    const [mutation, input] = agentId
      ? [MUTATIONS.assign, { phoneNumberId: phoneNumber.id, agentId }]
      : [MUTATIONS.unassign, { phoneNumberId: phoneNumber.id }];
    const { payload } = await write(form, mutation, input, `Could not change the agent of ${phoneNumber.number}.`);
    if (!payload) return;
    replaceNumber(payload.phoneNumber);
    focusAction(phoneNumber.id, 'agent');
    const { agent, number } = payload.phoneNumber;
    announce(agent ? `${number} is answered by ${agent.name}.` : `${number} has no agent now.`);
  }

  function agentEditor(phoneNumber) {
    const select = element('select');
    select.name = 'agentId';
    select.dataset.field = 'input.agentId';
    select.append(option('', 'No agent (unassigned)'), ...agentOptions());
    const current = phoneNumber.agent;
    if (current && !knownAgents.has(current.id)) select.append(option(current.id, current.name));
    select.value = current ? current.id : '';
    const agentField = field(`Agent for ${phoneNumber.number}`, select, `agent-${phoneNumber.id}`);
    return editorForm(phoneNumber, {
      name: `Change agent of ${phoneNumber.number}`,
      fields: [agentField],
      saveText: 'Save agent',
      action: 'agent',
      onSubmit: (form) => saveAgent(form, phoneNumber),
    });
  }

  function openEditor(id, build) {
    closeEditors();
    const item = rowFor(id);
    if (!item) return;
    const editor = build(rowNumbers.get(item));
    item.append(editor);
    item.classList.add('number--editing');
    editor.querySelector('input, select').focus();
  }

  // ---------------------------------------------------------------------------
  // Delete, behind an in-page confirmation

  function askDelete(id) {
    const item = rowFor(id);
    if (!item) return;
    deletion.phoneNumber = rowNumbers.get(item);
    ui.deleteHeading.textContent = `Delete ${deletion.phoneNumber.number}?`;
    clearUserErrors(ui.deleteDialog);
    ui.deleteDialog.showModal();
    ui.deleteCancel.focus();
  }

  function dismissDelete() {
    ui.deleteDialog.close();
  }

  async function confirmDelete() {
    const phoneNumber = deletion.phoneNumber;
    if (!phoneNumber) return;
    const failure = `Could not delete ${phoneNumber.number}.`;
    const { payload, failed } = await write(ui.deleteDialog, MUTATIONS.delete, { id: phoneNumber.id }, failure);
    // A refusal (e.g. still assigned) is shown in the dialog; a failure behind it, so the dialog closes.
    if (failed) dismissDelete();
    if (!payload) return;
    deletion.phoneNumber = null;
    dismissDelete();
    removeNumber(payload.deletedPhoneNumberId);
    ui.listHeading.focus();
    announce(`Deleted ${phoneNumber.number}.`);
  }

  function afterDeleteDialog() {
    if (deletion.phoneNumber) focusAction(deletion.phoneNumber.id, 'delete');
    deletion.phoneNumber = null;
  }

  // ---------------------------------------------------------------------------
  // Loading the list

  function currentFilter() {
    const filter = {};
    const search = ui.search.value.trim();
    if (search) filter.search = search;
    if (ui.type.value) filter.type = ui.type.value;
    if (ui.agent.value) filter.agentId = ui.agent.value;
    return filter;
  }

  function showError(error) {
    ui.error.replaceChildren(
      element('strong', '', 'Could not load phone numbers. '),
      document.createTextNode(error.message),
      element('span', 'error__code', ` (${error.code}${error.requestId ? `, request ${error.requestId}` : ''})`),
    );
    ui.error.hidden = false;
  }

  function render() {
    ui.previous.disabled = state.loading || !state.start.hasPrevious;
    ui.next.disabled = state.loading || !state.end.hasNext;
    ui.loadMore.disabled = state.loading || !state.end.hasNext;
    ui.list.setAttribute('aria-busy', String(state.loading));
    if (state.loading) {
      ui.status.textContent = 'Loading…';
    } else if (ui.error.hidden) {
      ui.status.textContent = state.rows === 0 ? 'No phone numbers match.' : `Showing ${state.rows} phone numbers.`;
    } else {
      ui.status.textContent = 'Loading failed.';
    }
  }

  /**
   * Loads one page. `replace` shows it instead of the list (search, next,
   * previous); otherwise it is appended (load more).
   */
  async function load(variables, { replace }) {
    state.loading = true;
    render();
    try {
      const { phoneNumbers: page } = await graphql(PHONE_NUMBERS, { filter: state.filter, ...variables });
      ui.error.hidden = true;
      remember(page.edges.map(({ node }) => node));
      const rows = page.edges.map(({ node }) => row(node));
      if (replace) {
        ui.list.replaceChildren(...rows);
        state.rows = rows.length;
        state.start = { cursor: page.pageInfo.startCursor, hasPrevious: page.pageInfo.hasPreviousPage };
      } else {
        ui.list.append(...rows);
        state.rows += rows.length;
      }
      state.end = { cursor: page.pageInfo.endCursor, hasNext: page.pageInfo.hasNextPage };
    } catch (error) {
      showError(asGatewayError(error));
      if (replace) {
        // The old rows no longer match the filter or page asked for.
        ui.list.replaceChildren();
        state.rows = 0;
        state.start = { cursor: null, hasPrevious: false };
        state.end = { cursor: null, hasNext: false };
      }
    } finally {
      state.loading = false;
      render();
    }
  }

  function search() {
    state.filter = currentFilter();
    return load({ first: PAGE_SIZE }, { replace: true });
  }

  // ---------------------------------------------------------------------------
  // Wiring

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  ui.type.addEventListener('change', search);
  ui.agent.addEventListener('change', search);
  ui.next.addEventListener('click', () => load({ first: PAGE_SIZE, after: state.end.cursor }, { replace: true }));
  ui.loadMore.addEventListener('click', () => load({ first: PAGE_SIZE, after: state.end.cursor }, { replace: false }));
  ui.previous.addEventListener('click', () => load({ last: PAGE_SIZE, before: state.start.cursor }, { replace: true }));
  ui.provisionForm.addEventListener('submit', provision);
  ui.importForm.addEventListener('submit', importNumber);
  ui.importAccount.addEventListener('change', showOtherAccount);
  ui.deleteCancel.addEventListener('click', dismissDelete);
  ui.deleteConfirm.addEventListener('click', confirmDelete);
  ui.deleteDialog.addEventListener('close', afterDeleteDialog);
  ui.activityDismiss.addEventListener('click', clearFailure);

  search();
  loadAgents();
  loadUsage();
  loadTwilioProviders();
})();
