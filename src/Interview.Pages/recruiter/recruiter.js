// The recruiter page: sign-in (or the development admin key), then the interviews, one interview, plans, calibration and
// webhooks.
// Each view is a section; moving between them moves focus to the new view's heading (shell.show).
import { $ } from '../dom.js';
import { adminKey, clearProblems, guarded, say, show, showProblem, whenLocked } from './shell.js';
import { initSignIn, signIn, signInConfigured, signedInName, signOut } from './signin.js';
import { askToErase, cancelErase, currentInterview, erase, openInterview, reloadEvaluation } from './interview.js';
import { copyLink, createLink, loadInterviews, showInterviews, whenOpened } from './interviews.js';
import { draftPlan, savePlan, showPlans } from './plans.js';
import { submitReview } from './review.js';
import { loadCalibration, showCalibration } from './calibration.js';
import { refreshDeliveries, showWebhooks, subscribe } from './webhooks.js';
import { chooseInviteFile, downloadInvites, sendInvites } from './invites.js';
import { downloadImpact, loadImpact, showImpact } from './impact.js';

function onSubmit(id, action, region) {
  let pending = false; // a second submit while the first is out would save a plan or a review twice
  $(id).addEventListener('submit', async event => {
    event.preventDefault();
    if (pending) return;
    pending = true;
    try {
      await guarded(action, region)();
    } finally {
      pending = false;
    }
  });
}
const onClick = (id, action) => $(id).addEventListener('click', guarded(action));

function locked() {
  $('admin-key').value = '';
  show('key-view');
}

// A key the service refuses sends the recruiter back here, with the problem shown.
whenLocked(error => { locked(); showProblem(error); });

onSubmit('key-form', async () => {
  adminKey.set($('admin-key').value.trim());
  await showInterviews();
});
onClick('forget', async () => {
  adminKey.forget();
  if (signInConfigured) await signOut();
  clearProblems();
  locked();
  say(signInConfigured ? 'You are signed out.' : 'The admin key is forgotten.');
});
onClick('signin-button', signIn);
onClick('nav-interviews', showInterviews);
onClick('nav-plans', showPlans);
onClick('nav-calibration', showCalibration);
onClick('nav-webhooks', showWebhooks);
onClick('nav-impact', showImpact);
onSubmit('impact-form', () => loadImpact());
onClick('impact-csv', downloadImpact);

onSubmit('filters', () => loadInterviews());
onClick('more', () => loadInterviews(true));
onSubmit('link-form', createLink);
onClick('copy', copyLink);
onSubmit('invite-form', sendInvites, () => $('invite-error'));
$('invite-file').addEventListener('change', guarded(chooseInviteFile));
onClick('invites-download', downloadInvites);
whenOpened(guarded(openInterview));

onClick('back', showInterviews);
onSubmit('review-form', async () => {
  const { reviews } = await submitReview(currentInterview());
  await reloadEvaluation();
  say(`Review recorded (${reviews} in all).`);
  $('reviews').querySelector('h3').setAttribute('tabindex', '-1');
  $('reviews').querySelector('h3').focus();
}, () => $('review-error'));
onClick('erase', askToErase);
onClick('erase-no', cancelErase);
onClick('erase-yes', async () => {
  const id = await erase();
  await showInterviews();
  say(`Interview ${id} is erased.`);
});

onSubmit('draft-form', draftPlan);
onSubmit('plan-form', savePlan, () => $('plan-error'));
onSubmit('calibration-form', () => loadCalibration());
onSubmit('webhook-form', subscribe);
onClick('deliveries-refresh', refreshDeliveries);

if (signInConfigured) {
  // The same view asks to sign in instead of for the key; a redirect back from the provider lands here signed in.
  $('key-form').hidden = true;
  $('signin').hidden = false;
  $('key-title').textContent = 'Sign in';
  $('forget').textContent = 'Sign out';
  guarded(async () => {
    const account = await initSignIn();
    $('signin-button').disabled = false;
    if (!account) return;
    $('who').textContent = `Signed in as ${signedInName()}`;
    await showInterviews();
  })();
} else if (adminKey.get()) guarded(showInterviews)();
