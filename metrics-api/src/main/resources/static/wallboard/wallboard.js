// ChatPulse wallboard: renders the 'queues' events of GET /api/v1/live/stream and the top topics of
// GET /api/v1/topics/live (polled every 15 s). No build step, no
// dependencies. Everything from the API is written with textContent, never as HTML.
(function () {
  'use strict';

  var KEY_STORE = 'chatpulse.wallboard.apiKey';
  var source = null;

  // The key comes from ?key=... (then kept in sessionStorage and removed from the address bar),
  // else from sessionStorage, else from a prompt.
  function apiKey() {
    var params = new URLSearchParams(window.location.search);
    var key = params.get('key');
    if (key) {
      sessionStorage.setItem(KEY_STORE, key);
      params.delete('key');
      var query = params.toString();
      history.replaceState(null, '', window.location.pathname + (query ? '?' + query : ''));
      return key;
    }
    key = sessionStorage.getItem(KEY_STORE);
    if (!key) {
      key = (window.prompt('ChatPulse API key (role supervisor or higher)') || '').trim();
      if (key) {
        sessionStorage.setItem(KEY_STORE, key);
      }
    }
    return key;
  }

  function status(text, kind) {
    var el = document.getElementById('status');
    el.textContent = text;
    el.className = 'status ' + kind;
  }

  // 75 -> "1:15", 3725 -> "1:02:05".
  function duration(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    var rest = s % 60;
    var mm = h > 0 ? String(m).padStart(2, '0') : String(m);
    return (h > 0 ? h + ':' : '') + mm + ':' + String(rest).padStart(2, '0');
  }

  function percent(rate) {
    return rate === null || rate === undefined ? '–' : (rate * 100).toFixed(1) + '%';
  }

  function cell(row, className, text) {
    var td = document.createElement('td');
    td.className = className;
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  // The expected wait of a customer arriving now, beside the oldest wait; red past the warning.
  function forecastWait(tr, forecast, warningSeconds) {
    if (!forecast) {
      cell(tr, 'forecast-wait', '–');
      return;
    }
    var text = forecast.unbounded ? '∞' : duration(forecast.averageSpeedOfAnswerSeconds);
    var td = cell(tr, 'forecast-wait', text);
    if (forecast.unbounded || forecast.averageSpeedOfAnswerSeconds > warningSeconds) {
      td.classList.add('late');
    }
    td.title = percent(forecast.waitProbability) + ' wait, ' + percent(forecast.serviceLevel) + ' within '
        + forecast.serviceLevelTimeSeconds + ' s (target ' + percent(forecast.serviceLevelTarget) + '), '
        + forecast.model.replace('_', ' ');
  }

  // "needed / online": red when more agents are needed than are online.
  function agentsNeeded(tr, forecast) {
    if (!forecast) {
      cell(tr, 'agents-needed', '–');
      return;
    }
    var staffing = forecast.staffing;
    var td = cell(tr, 'agents-needed', staffing.agentsNeeded + ' / ' + staffing.agentsOnline);
    if (staffing.agentsShort > 0) {
      td.classList.add('late');
    }
  }

  function queueRow(queue, warningSeconds) {
    var tr = document.createElement('tr');
    tr.className = 'queue' + (queue.stale ? ' stale' : '');
    tr.dataset.queue = queue.queueId;
    if (queue.stale) {
      tr.title = 'no update from the queue monitor since ' + queue.stateAsOf;
    }
    cell(tr, 'queue-id', queue.queueId);
    cell(tr, 'queue-length', String(queue.queueLength));
    var wait = cell(tr, 'oldest-wait', queue.queueLength > 0 ? duration(queue.oldestWaitSeconds) : '–');
    if (queue.oldestWaitSeconds > warningSeconds) {
      wait.classList.add('late');
    }
    forecastWait(tr, queue.forecast, warningSeconds);
    var sl = queue.serviceLevelToday;
    var slCell = cell(tr, 'service-level', percent(sl.serviceLevel));
    slCell.title = sl.answeredWithin + ' of ' + (sl.answered + sl.abandoned) + ' answered within '
        + sl.answerWithinSeconds + ' s since ' + sl.from + ' (' + sl.timezone + ')';
    cell(tr, 'agents-online', String(queue.agents.online));
    cell(tr, 'agents-available', String(queue.agents.available));
    cell(tr, 'agents-busy', String(queue.agents.busy));
    agentsNeeded(tr, queue.forecast);
    cell(tr, 'open-alerts' + (queue.openAlerts > 0 ? ' late' : ''), String(queue.openAlerts));
    return tr;
  }

  function alertItem(alert) {
    var li = document.createElement('li');
    li.className = 'alert';
    li.dataset.rule = alert.rule;
    li.dataset.scope = alert.scope;
    li.textContent = alert.summary + ' (since ' + new Date(alert.startedAt).toLocaleTimeString() + ')';
    return li;
  }

  // The queues come most urgent first, without those only the history knows (the API decides);
  // the filter keeps those whose name contains what was typed, ignoring case. ?filter=... fills it in.
  function matching(queues) {
    var typed = document.getElementById('filter').value.trim().toLowerCase();
    return typed ? queues.filter(function (q) { return q.queueId.toLowerCase().indexOf(typed) >= 0; }) : queues;
  }

  var last = null;

  function render(state) {
    last = state;
    var shown = matching(state.queues);
    var tbody = document.querySelector('#queues tbody');
    tbody.replaceChildren.apply(tbody, shown.map(function (q) {
      return queueRow(q, state.oldestWaitWarningSeconds);
    }));
    document.getElementById('no-queues').hidden = state.queues.length > 0;
    var filtered = document.getElementById('filtered');
    filtered.hidden = shown.length === state.queues.length;
    filtered.textContent = shown.length + ' of ' + state.queues.length + ' queues match the filter.';
    var alerts = document.getElementById('alerts');
    alerts.replaceChildren.apply(alerts, state.alerts.map(alertItem));
    document.getElementById('no-alerts').hidden = state.alerts.length > 0;
    document.getElementById('updated').textContent = 'as of ' + new Date(state.asOf).toLocaleTimeString();
  }

  var TOP_TOPICS = 5;
  var TOPICS_EVERY_MS = 15000;
  var topicsTimer = null;

  // The topics of GET /api/v1/topics/live summed over its 5-minute cells: the most named first.
  function renderTopics(live) {
    var totals = {};
    live.cells.forEach(function (cell) {
      totals[cell.topic] = (totals[cell.topic] || 0) + cell.messages;
    });
    var top = Object.keys(totals).sort(function (a, b) {
      return totals[b] - totals[a] || (a < b ? -1 : 1);
    }).slice(0, TOP_TOPICS);
    var list = document.getElementById('topics');
    list.replaceChildren.apply(list, top.map(function (topic) {
      var li = document.createElement('li');
      li.className = 'topic';
      li.dataset.topic = topic;
      li.textContent = topic + ': ' + totals[topic] + (totals[topic] === 1 ? ' message' : ' messages');
      return li;
    }));
    document.getElementById('no-topics').hidden = top.length > 0;
  }

  function pollTopics(key) {
    fetch('/api/v1/topics/live', {headers: {'X-Api-Key': key}}).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (live) {
      if (live) {
        renderTopics(live);
      }
    }).catch(function () { /* offline: the next poll tries again */ });
  }

  function watchTopics(key) {
    if (topicsTimer) {
      clearInterval(topicsTimer);
    }
    pollTopics(key);
    topicsTimer = setInterval(function () { pollTopics(key); }, TOPICS_EVERY_MS);
  }

  // EventSource hides the status of a failed connection: ask the plain endpoint why.
  function diagnose(key) {
    fetch('/api/v1/live/queues', {headers: {'X-Api-Key': key}}).then(function (response) {
      if (response.status === 401 || response.status === 403) {
        if (source) {
          source.close();
        }
        sessionStorage.removeItem(KEY_STORE);
        status('API key rejected (' + response.status + '): use "Change API key"', 'error');
      }
    }).catch(function () { /* offline: EventSource keeps retrying */ });
  }

  function connect() {
    var key = apiKey();
    if (!key) {
      status('no API key: use "Change API key"', 'error');
      return;
    }
    var params = new URLSearchParams(window.location.search);
    var url = '/api/v1/live/stream?apiKey=' + encodeURIComponent(key);
    if (params.get('timezone')) {
      url += '&timezone=' + encodeURIComponent(params.get('timezone'));
    }
    source = new EventSource(url);
    watchTopics(key);
    source.addEventListener('queues', function (event) {
      render(JSON.parse(event.data));
      status('live', 'live');
    });
    // The server is up but cannot read the live state (ClickHouse away): keep the last figures, say so.
    source.addEventListener('unavailable', function () {
      status('live data unavailable, retrying…', 'error');
    });
    source.onerror = function () {
      status('reconnecting…', 'connecting');
      diagnose(key);
    };
  }

  var filter = document.getElementById('filter');
  filter.value = new URLSearchParams(window.location.search).get('filter') || '';
  filter.addEventListener('input', function () {
    if (last) {
      render(last);
    }
  });

  document.getElementById('change-key').addEventListener('click', function () {
    sessionStorage.removeItem(KEY_STORE);
    if (source) {
      source.close();
    }
    connect();
  });

  connect();
})();
